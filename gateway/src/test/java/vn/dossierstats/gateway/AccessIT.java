package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source keys for event writes, the administrator token for catalogue writes, public reads, no spoofed identity. */
class AccessIT extends GatewayITSupport {

    private static final HttpRequest.BodyPublisher EVENT = HttpRequest.BodyPublishers.ofString("{\"eventId\":\"e1\"}");

    @Test
    void anEventWithAValidKeyReachesDossierServiceWithTheSourceOfTheKeyOnly() {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events"), requestId)
                .header("X-Api-Key", SOURCE_KEY)
                .header("X-Source-Id", "someone-else")
                .header("x-source-id", "and-another")
                .POST(EVENT));

        assertThat(response.statusCode()).isEqualTo(200);
        StubService.Received received = DOSSIER.received(requestId).orElseThrow();
        assertThat(received.headers().get("x-source-id")).containsExactly("dev-source");
        assertThat(received.headers()).doesNotContainKeys("x-api-key", "authorization");
    }

    @Test
    void aSpoofedSourceIdIsRemovedFromReadsToo() {
        String requestId = newRequestId();
        send(request(uri("/api/v1/dossiers/D-1"), requestId)
                .header("X-Source-Id", "spoofed")
                .GET());

        assertThat(DOSSIER.received(requestId).orElseThrow().headers()).doesNotContainKey("x-source-id");
    }

    @Test
    void eventsWithoutOrWithAWrongKeyAreUnauthorizedAlikeAndNeverForwarded() {
        List<String> bodies = new java.util.ArrayList<>();
        for (String path : List.of("/api/v1/dossier-events", "/api/v1/dossier-events/batch")) {
            for (String key : new String[] {null, "wrong-key", "dev-source-key2", "", SOURCE_KEY.toUpperCase()}) {
                String requestId = newRequestId();
                HttpRequest.Builder request = request(uri(path), requestId).POST(EVENT);
                if (key != null) {
                    request.header("X-Api-Key", key);
                }
                HttpResponse<String> response = send(request);

                assertThat(response.statusCode()).as("key %s", key).isEqualTo(401);
                assertThat(contentType(response)).isEqualTo("application/problem+json");
                assertThat(DOSSIER.received(requestId)).isEmpty();
                bodies.add(response.body());
            }
        }
        // nothing tells a missing key from an unknown one
        assertThat(bodies).containsOnly(bodies.getFirst());
        assertThat(bodies.getFirst()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"");
    }

    @Test
    void catalogueWritesWithoutAValidAdminTokenAreUnauthorizedAndNeverForwarded() {
        for (String path : List.of("/api/v1/units/H26", "/api/v1/procedures/1.004227", "/api/v1/calendar/2026")) {
            for (String method : List.of("PUT", "POST", "DELETE")) {
                for (String authorization :
                        new String[] {null, "Bearer wrong", ADMIN_TOKEN, "Basic x", "Bearer dev-admin-token"}) {
                    String requestId = newRequestId();
                    HttpRequest.Builder request = request(uri(path), requestId)
                            .header("X-Api-Key", SOURCE_KEY) // a source key is no admin token
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    HttpResponse<String> response = send(request);

                    assertThat(response.statusCode())
                            .as("%s %s %s", method, path, authorization)
                            .isEqualTo(401);
                    assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .hasValue("Bearer");
                    assertThat(contentType(response)).isEqualTo("application/problem+json");
                    assertThat(DOSSIER.received(requestId)).isEmpty();
                }
            }
        }
    }

    @Test
    void catalogueWritesWithTheAdminTokenAreForwardedWithoutTheToken() {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/units/H26"), requestId)
                .header("Authorization", "bearer " + ADMIN_TOKEN) // the scheme is case-insensitive
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DOSSIER.received(requestId).orElseThrow().headers()).doesNotContainKey("authorization");
    }

    @Test
    void everyReadIsPublic() {
        for (String path : List.of(
                "/api/v1/dossiers/D-1",
                "/api/v1/units",
                "/api/v1/units/H26",
                "/api/v1/procedures/1.004227",
                "/api/v1/calendar/2026",
                "/api/v1/stats/units/H26",
                "/api/v1/leaderboards")) {
            assertThat(send(request(uri(path), newRequestId()).GET()).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void writesToReadOnlyResourcesAreMethodNotAllowedAndNeverForwarded() {
        for (String path : List.of("/api/v1/dossiers/D-1", "/api/v1/stats/units/H26", "/api/v1/leaderboards")) {
            String requestId = newRequestId();
            HttpResponse<String> response = send(request(uri(path), requestId)
                    .header("Authorization", ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(response.statusCode()).as(path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(contentType(response)).isEqualTo("application/problem+json");
            assertThat(METRICS.received(requestId)).isEmpty();
            assertThat(DOSSIER.received(requestId)).isEmpty();
            assertThat(RANKING.received(requestId)).isEmpty();
        }
        HttpResponse<String> readEvents = send(request(uri("/api/v1/dossier-events"), newRequestId())
                .header("X-Api-Key", SOURCE_KEY)
                .GET());
        assertThat(readEvents.statusCode()).isEqualTo(405);
        assertThat(readEvents.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aTrailingSlashVariantOfTheEventPathStillNeedsAKey() {
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/dossier-events/"), requestId).POST(EVENT));

        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(DOSSIER.received(requestId)).isEmpty();
    }

    @Test
    void aRouteWithoutAnAccessRuleStaysClosed() {
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/test-no-access/x"), requestId).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(DOSSIER.received(requestId)).isEmpty();
    }
}
