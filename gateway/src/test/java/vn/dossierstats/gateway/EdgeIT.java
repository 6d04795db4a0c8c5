package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the gateway answers itself: limits, failures of services, unknown paths, request ids, CORS, its actuator. */
@ExtendWith(OutputCaptureExtension.class)
class EdgeIT extends GatewayITSupport {

    private static final int MIB = 1024 * 1024;

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413BeforeReachingTheService() {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events"), requestId)
                .header("X-Api-Key", SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(MIB + 1))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(DOSSIER.received(requestId)).isEmpty();
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[MIB + 64 * 1024];
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events/batch"), newRequestId())
                .header("X-Api-Key", SOURCE_KEY)
                // no Content-Length: the body is sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
    }

    @Test
    void anOverLongUriIsA414ProblemBeforeReachingTheService() {
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/stats/units/01?period=" + "9".repeat(10_000)), requestId)
                        .GET());

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":414").contains("at most 4096");
        assertThat(response.headers().firstValue("X-Request-Id")).contains(requestId);
    }

    @Test
    void aBodyOfExactlyTheLimitGoesThrough() {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events/batch"), requestId)
                .header("X-Api-Key", SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[MIB]))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DOSSIER.received(requestId).orElseThrow().bodyBytes()).isEqualTo(MIB);
    }

    @Test
    void aServiceThatIsDownIsA503ProblemWithoutInternalsAndLoggedWithTheRequestId(CapturedOutput output) {
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/test-down/anything"), requestId).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":503")
                .doesNotContain("localhost")
                .doesNotContain("127.0.0.1")
                .doesNotContain(String.valueOf(CLOSED_PORT))
                .doesNotContain("Exception");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(output.getOut()).containsPattern("\\[" + requestId + "\\].*answered 503");
    }

    @Test
    void aServiceTooSlowIsA504Problem() {
        HttpResponse<String> response =
                send(request(uri("/api/v1/stats/units/slow"), newRequestId()).GET());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":504").doesNotContain("Exception");
    }

    @Test
    void unknownPathsAndTheServicesActuatorsAre404Problems() {
        for (String path : List.of(
                "/nope",
                "/api/v2/stats/units/H26",
                "/api/v1/nope",
                "/api/v1/unitsX",
                "/api/v1/dossier-events/other",
                "/actuator/env",
                "/dossier-service/actuator/health",
                "/api/v1/actuator/health",
                "/api/v1/stats/actuator/../actuator")) {
            String requestId = newRequestId();
            HttpResponse<String> response = send(request(uri(path), requestId).GET());

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(contentType(response)).as(path).isEqualTo("application/problem+json");
            assertThat(response.body()).as(path).doesNotContain("Exception");
        }
        assertThat(send(request(uri("/api/v1/nope"), newRequestId()).GET()).body())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"No such resource.\"}");
    }

    @Test
    void pathsThatCouldEscapeTheirRouteAtTheServiceAreRefused() {
        for (String path : List.of(
                "/api/v1/dossiers/..%2F..%2F..%2Factuator%2Fenv",
                "/api/v1/dossiers/%2e%2e/%2E%2E/%2e%2e/actuator/env",
                "/api/v1/dossiers/..;/..;/..;/actuator/env",
                "/api/v1/stats/units/../../../actuator/health",
                "/api/v1/dossiers/a%5Cb",
                "/api/v1/dossiers/a%00b")) {
            String requestId = newRequestId();
            HttpResponse<String> response = send(request(uri(path), requestId).GET());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(contentType(response)).isEqualTo("application/problem+json");
            assertThat(DOSSIER.received(requestId)).as(path).isEmpty();
            assertThat(METRICS.received(requestId)).as(path).isEmpty();
        }
    }

    @Test
    void aSaneRequestIdIsKeptAndForwardedAnyOtherIsReplaced() {
        String requestId = newRequestId();
        HttpResponse<String> kept =
                send(request(uri("/api/v1/stats/units/H26"), requestId).GET());
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(METRICS.received(requestId)).isPresent();

        HttpResponse<String> replaced =
                send(request(uri("/api/v1/stats/units/H26"), "bad id<script>").GET());
        String generated = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(METRICS.received(generated)).isPresent();
        assertThat(replaced.headers().allValues("X-Request-Id")).hasSize(1);
    }

    @Test
    void everyResponseCarriesARequestIdErrorsIncluded() {
        for (HttpRequest.Builder request : List.of(
                java.net.http.HttpRequest.newBuilder(uri("/nope")).GET(),
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/dossiers/D-1"))
                        .GET(),
                java.net.http.HttpRequest.newBuilder(uri("/actuator/health")).GET())) {
            HttpResponse<String> response = send(request);
            assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        }
    }

    @Test
    void dashboardsGetCorsPreflightAnswersWithoutCredentials() {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events"), requestId)
                .header("Origin", "https://dashboard.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dashboard.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
                .contains("POST")
                .contains("PUT");
        assertThat(response.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElseThrow()
                        .toLowerCase())
                .contains("x-api-key")
                .contains("content-type");
        assertThat(DOSSIER.received(requestId)).isEmpty();
    }

    @Test
    void aPreflightForAMethodNotAllowedIsA403Problem() {
        HttpResponse<String> response = send(request(uri("/api/v1/units/H26"), newRequestId())
                .header("Origin", "https://dashboard.example")
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
    }

    @Test
    void corsHeadersComeWithAnswersAndWithTheGatewaysOwnErrors() {
        HttpResponse<String> read = send(request(uri("/api/v1/leaderboards"), newRequestId())
                .header("Origin", "https://dashboard.example")
                .GET());
        assertThat(read.headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly("https://dashboard.example");
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Request-Id");

        HttpResponse<String> unauthorized = send(request(uri("/api/v1/dossier-events"), newRequestId())
                .header("Origin", "https://dashboard.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://dashboard.example");
    }

    @Test
    void theGatewaysOwnActuatorServesHealthAndRouteTaggedMetrics() {
        send(request(uri("/api/v1/stats/units/H26"), newRequestId()).GET());

        HttpResponse<String> health =
                send(request(uri("/actuator/health"), newRequestId()).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> prometheus =
                send(request(uri("/actuator/prometheus"), newRequestId()).GET());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("spring_cloud_gateway_requests_seconds_count")
                .contains("routeId=\"statistics\"")
                .contains("http_server_requests_seconds_count")
                .contains("application=\"gateway\"");
    }
}
