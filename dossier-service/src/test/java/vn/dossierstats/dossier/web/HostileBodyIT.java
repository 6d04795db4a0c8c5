package vn.dossierstats.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;

/** Bodies that once reached the error handler as failures or came back naming the parser's classes. */
class HostileBodyIT extends IntegrationTest {

    @Test
    void malformedJsonIsAProblemThatTellsWhereNotWhichParser() {
        Response response = post("/api/v1/dossier-events", "hostile-source", "{\"eventId\":\"a\"}{\"eventId\":\"b\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("malformed JSON at line 1, column").doesNotContain("jackson", "Feature");
    }

    @Test
    void aWildcardContentTypeIsUnsupportedNotAFailure() throws Exception {
        for (String contentType : new String[] {"*/*", "application/*", "not a type"}) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossier-events"))
                                    .header("Content-Type", contentType)
                                    .header("X-Source-Id", "hostile-source")
                                    .POST(HttpRequest.BodyPublishers.ofString("--x"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":415");
        }
    }
}
