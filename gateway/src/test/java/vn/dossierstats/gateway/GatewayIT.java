package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of stub services that record what reaches them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class GatewayIT {

    /** What each stub service received last: path and the headers the gateway forwarded. */
    record Received(String service, String path, Map<String, List<String>> headers) {}

    private static final Map<String, Received> RECEIVED = new ConcurrentHashMap<>();
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final HttpServer DOSSIER = stub("dossier");
    private static final HttpServer METRICS = stub("metrics");
    private static final int CLOSED_PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "gateway.services.dossier",
                () -> "http://localhost:" + DOSSIER.getAddress().getPort());
        registry.add(
                "gateway.services.metrics",
                () -> "http://localhost:" + METRICS.getAddress().getPort());
        registry.add("gateway.services.ranking", () -> "http://localhost:" + CLOSED_PORT);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "3s");
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        DOSSIER.stop(0);
        METRICS.stop(0);
    }

    @Test
    void eventsWithAValidKeyReachDossierServiceWithTheSourceFromTheKeyOnly() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                .header("X-Api-Key", "dev-source-key")
                .header("X-Source-Id", "someone-else")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(202);
        Received received = RECEIVED.get("dossier");
        assertThat(received.path()).isEqualTo("/api/v1/dossier-events");
        assertThat(received.headers().get("X-source-id")).containsExactly("dev-source");
        assertThat(received.headers()).doesNotContainKey("X-api-key");
    }

    @Test
    void eventsWithoutOrWithAWrongKeyAreUnauthorizedProblems() {
        for (String key : new String[] {null, "wrong"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/dossier-events/batch"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void catalogueWritesNeedTheAdminTokenAndReadsArePublic() {
        HttpResponse<String> without =
                send(HttpRequest.newBuilder(uri("/api/v1/units/33")).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        HttpResponse<String> with = send(HttpRequest.newBuilder(uri("/api/v1/units/33"))
                .header("Authorization", "Bearer dev-admin-token")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(with.statusCode()).isEqualTo(202);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/units?level=PROVINCE"))
                                .GET())
                        .statusCode())
                .isEqualTo(202);
        assertThat(RECEIVED.get("dossier").path()).isEqualTo("/api/v1/units");
    }

    @Test
    void everyApiPathReachesItsService() {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/stats/units/33?period=2026-07"))
                                .GET())
                        .statusCode())
                .isEqualTo(202);
        assertThat(RECEIVED.get("metrics").path()).isEqualTo("/api/v1/stats/units/33");
        send(HttpRequest.newBuilder(uri("/api/v1/dossiers/D-1")).GET());
        assertThat(RECEIVED.get("dossier").path()).isEqualTo("/api/v1/dossiers/D-1");
        send(HttpRequest.newBuilder(uri("/api/v1/procedures/1.1")).GET());
        assertThat(RECEIVED.get("dossier").path()).isEqualTo("/api/v1/procedures/1.1");
        send(HttpRequest.newBuilder(uri("/api/v1/calendar/2026")).GET());
        assertThat(RECEIVED.get("dossier").path()).isEqualTo("/api/v1/calendar/2026");
    }

    @Test
    void aServiceThatIsDownGivesAProblem503() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v1/leaderboards")).GET());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("localhost").doesNotContain("Exception");
    }

    @Test
    void aServiceTooSlowGivesAProblem504() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v1/stats/units/slow")).GET());
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void unknownPathsAndServiceActuatorsAreNotRouted() {
        for (String path :
                List.of("/nope", "/actuator/../api/v2/x", "/dossier-service/actuator/health", "/api/v2/stats")) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        String big = "x".repeat(1024 * 1024 + 1);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                .header("X-Api-Key", "dev-source-key")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void everyResponseCarriesARequestId() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/nope"))
                .header("X-Request-Id", "abc-123")
                .GET());
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        HttpResponse<String> generated =
                send(HttpRequest.newBuilder(uri("/api/v1/stats/units/1")).GET());
        assertThat(generated.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(RECEIVED.get("metrics").headers().get("X-request-id"))
                .containsExactly(generated.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void dashboardsGetCorsPreflightAnswers() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/leaderboards"))
                .header("Origin", "https://dashboard.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer stub(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                RECEIVED.put(
                        service,
                        new Received(
                                service, exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        NEVER.await(10, TimeUnit.SECONDS); // longer than the gateway's response timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
