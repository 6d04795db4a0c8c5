package vn.dossierstats.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway (one Spring context for every {@code *IT} of this module) in front of three stub services that record
 * what reaches them, with the embedded profile's development key and token and a 1 s response timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
@Import(DownRouteConfiguration.class)
abstract class GatewayITSupport {

    static final String SOURCE_KEY = "dev-source-key";
    static final String ADMIN = "Bearer dev-admin-token";

    static final StubService DOSSIER = new StubService("dossier");
    static final StubService METRICS = new StubService("metrics");
    static final StubService RANKING = new StubService("ranking");
    /** A port nobody listens on: the service behind the test-only route {@code /api/v1/test-down/**} is down. */
    static final int CLOSED_PORT = freePort();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.dossier", DOSSIER::uri);
        registry.add("gateway.services.metrics", METRICS::uri);
        registry.add("gateway.services.ranking", RANKING::uri);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
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
