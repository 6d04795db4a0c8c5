package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every path of api.md reaches its service unchanged, and the service's answers come back unchanged. */
class RoutingIT extends GatewayITSupport {

    record ApiCall(String method, String pathAndQuery, StubService service) {

        @Override
        public String toString() {
            return method + " " + pathAndQuery + " -> " + service.name();
        }
    }

    static Stream<ApiCall> apiCalls() {
        return Stream.of(
                new ApiCall("POST", "/api/v1/dossier-events", DOSSIER),
                new ApiCall("POST", "/api/v1/dossier-events/batch", DOSSIER),
                new ApiCall("GET", "/api/v1/dossiers/H26.30-260701-0001", DOSSIER),
                new ApiCall("PUT", "/api/v1/units/H26", DOSSIER),
                new ApiCall("GET", "/api/v1/units/H26", DOSSIER),
                new ApiCall("GET", "/api/v1/units?level=PROVINCE&parent=H26", DOSSIER),
                new ApiCall("PUT", "/api/v1/procedures/1.004227", DOSSIER),
                new ApiCall("GET", "/api/v1/procedures/1.004227", DOSSIER),
                new ApiCall("PUT", "/api/v1/calendar/2026", DOSSIER),
                new ApiCall("GET", "/api/v1/calendar/2026", DOSSIER),
                new ApiCall("GET", "/api/v1/stats/units/H26?period=2026-07", METRICS),
                new ApiCall("GET", "/api/v1/stats/units/H26/children?period=2026-Q3", METRICS),
                new ApiCall(
                        "GET", "/api/v1/stats/units/H26/series?granularity=day&from=2026-07-01&to=2026-07-31", METRICS),
                new ApiCall(
                        "GET",
                        "/api/v1/leaderboards?level=PROVINCE&period=2026-07&indicator=ON_TIME_RATE&parent=&limit=10",
                        RANKING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCalls")
    void everyApiPathReachesItsServiceWithPathQueryAndMethodIntact(ApiCall call) {
        String requestId = newRequestId();
        HttpRequest.Builder request = request(uri(call.pathAndQuery()), requestId)
                .header("Content-Type", "application/json")
                .header("X-Api-Key", SOURCE_KEY)
                .header("Authorization", ADMIN)
                .method(
                        call.method(),
                        call.method().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{\"a\":1}"));

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"service\":\"" + call.service().name() + "\"}");
        StubService.Received received = call.service().received(requestId).orElseThrow();
        assertThat(received.method()).isEqualTo(call.method());
        String[] pathAndQuery = call.pathAndQuery().split("\\?", 2);
        assertThat(received.path()).isEqualTo(pathAndQuery[0]);
        assertThat(received.query()).isEqualTo(pathAndQuery.length > 1 ? pathAndQuery[1] : null);
        for (StubService other : List.of(DOSSIER, METRICS, RANKING)) {
            if (other != call.service()) {
                assertThat(other.received(requestId)).as(other.name()).isEmpty();
            }
        }
    }

    @Test
    void problemsFromAServicePassThroughUnchanged() {
        HttpResponse<String> response =
                send(request(uri("/api/v1/dossiers/problem"), newRequestId()).GET());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(response.body()).isEqualTo(StubService.SERVICE_PROBLEM);
    }

    @Test
    void theLeaderboardStreamIsRelayedEventByEventWithoutResponseTimeout() {
        String requestId = newRequestId();
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            // the stub sends its headers only after 1.5 s, beyond the 1 s timeout of ordinary routes
            HttpResponse<Stream<String>> response = HTTP.send(
                    request(uri("/api/v1/leaderboards/stream?level=PROVINCE&period=2026-07"), requestId)
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).startsWith("text/event-stream");
            Iterator<String> lines = response.body().iterator();
            // the first event arrives while the service still holds the stream open: nothing is buffered
            assertThat(nextData(lines)).isEqualTo("data: {\"n\":1}");
            RANKING.releaseStream(requestId);
            assertThat(nextData(lines)).isEqualTo("data: {\"n\":2}");
        });
        assertThat(RANKING.received(requestId).orElseThrow().query()).isEqualTo("level=PROVINCE&period=2026-07");
    }

    private static String nextData(Iterator<String> lines) {
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(new IOException("stream broke", e));
        }
    }
}
