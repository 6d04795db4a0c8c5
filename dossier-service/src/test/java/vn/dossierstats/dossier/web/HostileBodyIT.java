package vn.dossierstats.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;

/** Bodies that once failed, were accepted as something else, or came back naming the parser's classes. */
class HostileBodyIT extends IntegrationTest {

    private static final String EVENT = "{\"eventId\":\"%s\",\"type\":\"RESOLVED\",\"dossierId\":\"HB-1\","
            + "\"occurredAt\":\"2026-07-06T08:00:00+07:00\"}";

    @Test
    void malformedJsonIsAProblemThatTellsWhereNotWhichParser() {
        Response response = post("/api/v1/dossier-events", "hostile-source", "{\"eventId\":\"a\"}{\"eventId\":\"b\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("malformed JSON at line 1, column").doesNotContain("jackson", "Feature");
    }

    @Test
    void aFieldGivenTwiceIsMalformedNotWhicheverCameLast() {
        Response response = post(
                "/api/v1/dossier-events",
                "hostile-source",
                String.format(EVENT, "hb-dup")
                        .replace("\"type\":\"RESOLVED\"", "\"type\":\"RESOLVED\",\"type\":\"RATED\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("malformed JSON");
    }

    @Test
    void anIdWithALoneSurrogateIsInvalidRatherThanStoredAsAnotherId() {
        Response response = post("/api/v1/dossier-events", "hostile-source", String.format(EVENT, "hb-\\ud800"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"eventId\"");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsUnsupportedNeitherAcceptedNorAFailure() throws Exception {
        for (String contentType : new String[] {"*/*", "application/*", "not a type", "text/plain", ""}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/dossier-events"))
                    .header("X-Source-Id", "hostile-source")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(EVENT, "hb-ct")));
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":415");
        }
    }
}
