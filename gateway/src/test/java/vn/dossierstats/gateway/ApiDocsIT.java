package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway serves the three services' documents as one public OpenAPI document, and nothing of theirs beside it. */
class ApiDocsIT extends GatewayITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theOpenApiDocumentMergesThePublicPathsOfTheThreeServicesWithoutTheirAddresses() {
        HttpResponse<String> response = send(request(uri("/api/v1/openapi"), newRequestId()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames())
                .containsExactly("/api/v1/dossier-things", "/api/v1/metrics-things", "/api/v1/ranking-things");
        assertThat(doc.get("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        for (StubService service : new StubService[] {DOSSIER, METRICS, RANKING}) {
            assertThat(response.body())
                    .doesNotContain(String.valueOf(service.uri().getPort()));
        }
        assertThat(response.body()).doesNotContain("X-Source-Id", "/internal/");
    }

    @Test
    void theServicesOwnDocumentsAreNotReachableThroughTheGateway() {
        for (String path : new String[] {"/v3/api-docs", "/api/v1/v3/api-docs", "/api/v1/openapi/v3/api-docs"}) {
            HttpResponse<String> response = send(request(uri(path), newRequestId()));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(contentType(response)).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void theApiExplorerIsServedFromTheJarAndOpensThePublicDocument() {
        HttpResponse<String> page = send(request(uri("/api/docs/"), newRequestId()));
        HttpResponse<String> initializer = send(request(uri("/api/docs/swagger-initializer.js"), newRequestId()));
        HttpResponse<String> bundle = send(request(uri("/api/docs/swagger-ui-bundle.js"), newRequestId()));
        HttpResponse<String> bare = send(request(uri("/api/docs"), newRequestId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui").doesNotContain("http://", "https://");
        assertThat(initializer.body()).contains("url: \"/api/v1/openapi\"").doesNotContain("petstore");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/api/docs/");
    }

    @Test
    void theDocumentIsReadOnly() {
        HttpResponse<String> response = send(request(uri("/api/v1/openapi"), newRequestId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }
}
