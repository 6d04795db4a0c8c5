package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Queries that are not UTF-8 once percent-decoded are refused at the gateway, naming the parameter (issue 23). */
class QueryEncodingIT extends GatewayITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aQueryThatIsNotUtf8IsA400ProblemNamingTheParameterThatNoServiceSees() {
        for (Map.Entry<String, String> request : Map.of(
                        "/api/v1/stats/units/01?period=%ED%A0%80", "period",
                        "/api/v1/leaderboards?level=%ED%A0%80", "level",
                        "/api/v1/stats/units/01/children?period=2026-07&x=%FF", "x")
                .entrySet()) {
            String requestId = newRequestId();
            HttpResponse<String> response =
                    send(request(uri(request.getKey()), requestId).GET());

            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
            assertThat(contentType(response)).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asString()).contains("'" + request.getValue() + "'");
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo(request.getValue());
            assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
            for (StubService service : List.of(DOSSIER, METRICS, RANKING)) {
                assertThat(service.received(requestId)).as(request.getKey()).isEmpty();
            }
        }
    }

    /**
     * Broken escapes cannot even be parsed as a URI (java.net.URI and so Java's HTTP client refuse them too): they are
     * refused before the gateway's filters, with the same problem and a request id.
     */
    @Test
    void aTruncatedOrNonHexEscapeIsTheSameProblem() {
        for (Map.Entry<String, String> target : Map.of(
                        "/api/v1/leaderboards?level=%E", "level",
                        "/api/v1/leaderboards?level=PROVINCE&period=%ZZ", "period",
                        "/api/v1/stats/units/01?period=%", "period")
                .entrySet()) {
            RawResponse response = sendRaw(target.getKey(), "it-raw-1");

            assertThat(response.status()).as(target.getKey()).isEqualTo(400);
            assertThat(response.headers())
                    .as(target.getKey())
                    .contains("content-type: application/problem+json", "x-request-id: it-raw-1");
            assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString())
                    .as(target.getKey())
                    .isEqualTo(target.getValue());
        }
        RawResponse path = sendRaw("/api/v1/dossiers/a%zzb", "it-raw-2");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.body()).contains("The request path is not acceptable.");
    }

    @Test
    void aQueryThatIsUtf8ReachesTheServiceAsSent() {
        String query = "parent=Nh%E1%BA%ADn&asOf=2026-07-01T00:00:00%2B07:00&x=%F0%9F%92%A9&period=";
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/leaderboards?" + query), requestId).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RANKING.received(requestId).orElseThrow().query()).isEqualTo(query);
    }

    private record RawResponse(int status, List<String> headers, String body) {}

    /** One request written by hand, for targets no URI class lets through; the connection is closed after it. */
    private RawResponse sendRaw(String target, String requestId) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + requestId
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            List<String> head = List.of(answer.substring(0, end).split("\r\n"));
            return new RawResponse(
                    Integer.parseInt(head.getFirst().split(" ")[1]),
                    head.stream().skip(1).map(String::toLowerCase).toList(),
                    answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
