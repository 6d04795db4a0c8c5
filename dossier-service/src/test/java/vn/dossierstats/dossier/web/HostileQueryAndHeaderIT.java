package vn.dossierstats.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;

/**
 * Queries and headers the container or Spring MVC cannot read, sent straight to the service as a caller inside the
 * cluster could: each is the caller's fault, answered with a problem, never a failure.
 */
class HostileQueryAndHeaderIT extends IntegrationTest {

    /** A name or value that is not UTF-8 once percent-decoded, a value without a name, too many parameters. */
    @Test
    void aQueryThatCannotBeReadIsAProblemNotAFailure() {
        for (String query : List.of(
                "level=%ED%A0%80",
                "level=PROVINCE&x=%FF",
                "parent=%C0%AE",
                "%FF=PROVINCE",
                "=PROVINCE",
                "x&".repeat(1001) + "level=PROVINCE")) {
            for (String path : List.of("/api/v1/units?", "/internal/v1/source-keys?")) {
                Response response = get(path + query);

                assertThat(response.status()).as(path + query).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.body()).contains("\"status\":400").doesNotContain("Parameter [", "Exception");
            }
        }
    }

    /** An Accept-Language of more languages than Tomcat reads, an Accept that cannot be parsed or lists no JSON. */
    @Test
    void aHeaderThatCannotBeReadIsAProblemNotAFailure() throws Exception {
        for (var request : List.of(
                Map.entry("/api/v1/units|Accept-Language|a,b,c,d,e,f,g,h,i,j,k", 400),
                Map.entry("/api/v1/units|Accept|a/b/c", 406),
                Map.entry("/api/v1/units?level=PROVINCE|Accept|text/html", 406),
                Map.entry("/api/v1/units/33/nope|Accept|;;;", 404))) {
            String[] target = request.getKey().split("\\|");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + target[0]))
                                    .header(target[1], target[2])
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(request.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(request.getKey())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":" + request.getValue());
        }
    }
}
