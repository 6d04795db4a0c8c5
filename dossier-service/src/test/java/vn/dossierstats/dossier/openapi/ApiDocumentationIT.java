package vn.dossierstats.dossier.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;

/** The service describes every public endpoint of api.md, with the credential each write needs. */
class ApiDocumentationIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theApiDocsListEveryPublicPathWithItsCredentialAndTheEventShape() {
        Response response = get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/dossier-events",
                        "/api/v1/dossier-events/batch",
                        "/api/v1/dossiers/{dossierId}",
                        "/api/v1/units",
                        "/api/v1/units/{code}",
                        "/api/v1/procedures/{code}",
                        "/api/v1/calendar/{year}")
                .allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(paths.at("/~1api~1v1~1dossier-events/post/security/0").has("sourceKey"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1dossier-events/post/requestBody/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/DossierEvent");
        assertThat(paths.at("/~1api~1v1~1units~1{code}/put/security/0").has("adminToken"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1units~1{code}/get").has("security")).isFalse();
        assertThat(doc.at("/components/schemas/DossierEvent/properties/type/enum")
                        .toString())
                .contains("RECEIVED", "RATED");
        assertThat(doc.at("/components/securitySchemes/sourceKey/name").asString())
                .isEqualTo("X-Api-Key");
    }
}
