package vn.dossierstats.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway (one Spring context for every {@code *IT} of this module) in front of three stub services that record
 * what reaches them (the dossier stub also serves the source key feed), with the embedded profile's development key
 * and admin token, a 1 s response timeout, a low rate limit, and a response cache whose clock moves only when a test
 * advances it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
@Import({DownRouteConfiguration.class, ResponseCacheTestConfiguration.class})
abstract class GatewayITSupport {

    static final String SOURCE_KEY = "dev-source-key";
    /** The development admin token of the README (a JWT signed with the embedded profile's secret). */
    static final String ADMIN_TOKEN =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZXYtYWRtaW4iLCJyb2xlcyI6WyJhZG1pbiJdLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6NDEwMjQ0NDgwMH0.PCbnL_vA9VwqCfOJ8w28DTj8Qj6dBTK3aul5tfmpjy8";

    static final String ADMIN = "Bearer " + ADMIN_TOKEN;
    /** The embedded profile's development signing key of admin tokens. */
    static final String ADMIN_SECRET = "dev-only-admin-jwt-secret-never-use-in-production";
    /** Rate limit of the tests: low enough to reach, high enough for the other tests' writes with one key. */
    static final int RATE = 20;

    static final int BURST = 40;

    static final StubService DOSSIER = new StubService("dossier");
    static final StubService METRICS = new StubService("metrics");
    static final StubService RANKING = new StubService("ranking");
    /** A port nobody listens on: the service behind the test-only route {@code /api/v1/test-down/**} is down. */
    static final int CLOSED_PORT = freePort();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static volatile boolean warm;

    /**
     * The first request forwarded after start sets up the HTTP client and can take longer than the tests' 1 s
     * response timeout on a busy machine: send one before the first test, whichever it is.
     */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> send(request(uri("/api/v1/leaderboards"), newRequestId())
                                            .GET())
                                    .statusCode()
                            == 200);
            warm = true;
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.dossier", DOSSIER::uri);
        registry.add("gateway.services.metrics", METRICS::uri);
        registry.add("gateway.services.ranking", RANKING::uri);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        registry.add("gateway.rate-limit.requests-per-second", () -> RATE);
        registry.add("gateway.rate-limit.burst", () -> BURST);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request with a fresh request id, to find it again at the stub. */
    static HttpRequest.Builder request(URI uri, String requestId) {
        return HttpRequest.newBuilder(uri).header("X-Request-Id", requestId);
    }

    static String newRequestId() {
        return "it-" + UUID.randomUUID();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
