package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.dossierstats.gateway.access.TestJwts;

/**
 * Managed source keys as dossier-service's key feed announces them (the stub's), admin JWTs on source management,
 * and the per-key rate limit.
 */
class SourceKeysIT extends GatewayITSupport {

    private static final HttpRequest.BodyPublisher EVENT = HttpRequest.BodyPublishers.ofString("{\"eventId\":\"e1\"}");

    @Test
    void aManagedKeyIsAdmittedAndOnlyItsSourceReachesDossierService() {
        String source = newSource();
        String key = DOSSIER.keyFeed().issue(source);
        awaitStatus(key, 200, Duration.ofSeconds(2));

        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events/batch"), requestId)
                .header("X-Api-Key", key)
                .header("X-Source-Id", "dev-source")
                .POST(EVENT));

        assertThat(response.statusCode()).isEqualTo(200);
        StubService.Received received = DOSSIER.received(requestId).orElseThrow();
        assertThat(received.headers().get("x-source-id")).containsExactly(source);
        assertThat(received.headers()).doesNotContainKey("x-api-key");
    }

    @Test
    void anUnknownKeyIsUnauthorizedLikeAMissingOne() {
        String unknownOfTheRightShape = "0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        HttpResponse<String> unknown = write(unknownOfTheRightShape);
        HttpResponse<String> missing =
                send(request(uri("/api/v1/dossier-events"), newRequestId()).POST(EVENT));

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(contentType(unknown)).isEqualTo("application/problem+json");
        assertThat(unknown.body()).isEqualTo(missing.body());
    }

    @Test
    void aRevokedKeyStopsWorkingWithinASecondWithoutARestart() {
        String source = newSource();
        String key = DOSSIER.keyFeed().issue(source);
        awaitStatus(key, 200, Duration.ofSeconds(2));
        String unknownBody = write("0123456789abcdef.x").body();

        Instant revoked = Instant.now();
        DOSSIER.keyFeed().revoke(source);
        awaitStatus(key, 401, Duration.ofSeconds(1));

        assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(1));
        HttpResponse<String> refused = write(key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(unknownBody); // no hint that this key once existed
    }

    @Test
    void aRotatedKeyStopsAndTheNewOneWorksForTheSameSource() {
        String source = newSource();
        String old = DOSSIER.keyFeed().issue(source);
        awaitStatus(old, 200, Duration.ofSeconds(2));

        String rotated = DOSSIER.keyFeed().issue(source);
        awaitStatus(old, 401, Duration.ofSeconds(1));

        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/dossier-events"), requestId)
                .header("X-Api-Key", rotated)
                .POST(EVENT));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DOSSIER.received(requestId).orElseThrow().headers().get("x-source-id"))
                .containsExactly(source);
    }

    @Test
    void aKeyOverItsRateIsA429ProblemWithRetryAfterAndOtherKeysAreUnaffected() {
        String key = DOSSIER.keyFeed().issue(newSource());
        String other = DOSSIER.keyFeed().issue(newSource());
        awaitStatus(other, 200, Duration.ofSeconds(2));
        awaitStatus(key, 200, Duration.ofSeconds(2));

        long start = System.nanoTime();
        List<HttpResponse<String>> responses;
        // eight callers at once: fast enough to outrun the rate, few enough for the stub to answer in time
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 3 * BURST; i++) {
                burst.add(CompletableFuture.supplyAsync(() -> write(key), callers));
            }
            responses = burst.stream().map(CompletableFuture::join).toList();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        List<HttpResponse<String>> limited =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
        // never more than the burst and what the rate refilled meanwhile
        assertThat(responses.size() - limited.size()).isLessThanOrEqualTo(BURST + (int) Math.ceil(RATE * seconds));
        HttpResponse<String> first = limited.getFirst();
        assertThat(contentType(first)).isEqualTo("application/problem+json");
        assertThat(first.body()).contains("\"status\":429");
        assertThat(first.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
        assertThat(write(other).statusCode()).isEqualTo(200);
    }

    @Test
    void sourceManagementNeedsAValidUnexpiredAdminJwt() {
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        String[] refused = {
            null,
            "Bearer " + TestJwts.hs256(ADMIN_SECRET, TestJwts.adminClaims(anHourAgo)),
            "Bearer " + TestJwts.hs256(ADMIN_SECRET + "-other", TestJwts.adminClaims(inAnHour)),
            "Bearer " + TestJwts.hs256(ADMIN_SECRET, "{\"roles\":[\"reader\"],\"exp\":" + inAnHour + "}"),
            "Bearer dev-admin-token",
            "Bearer " + SOURCE_KEY
        };
        for (String path : List.of("/api/v1/sources", "/api/v1/sources/src-1", "/api/v1/sources/src-1/rotate")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                for (String authorization : refused) {
                    String requestId = newRequestId();
                    HttpRequest.Builder request = request(uri(path), requestId)
                            .header("X-Api-Key", SOURCE_KEY)
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    HttpResponse<String> response = send(request);

                    assertThat(response.statusCode())
                            .as("%s %s %s", method, path, authorization)
                            .isEqualTo(401);
                    assertThat(contentType(response)).isEqualTo("application/problem+json");
                    assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .hasValue("Bearer");
                    assertThat(DOSSIER.received(requestId)).isEmpty();
                }
            }
        }
    }

    @Test
    void sourceManagementWithAnAdminJwtIsForwardedWithoutTheToken() {
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        for (String authorization :
                List.of(ADMIN, "Bearer " + TestJwts.hs256(ADMIN_SECRET, TestJwts.adminClaims(inAnHour)))) {
            String requestId = newRequestId();
            HttpResponse<String> response = send(request(uri("/api/v1/sources"), requestId)
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"A\",\"scopes\":[\"*\"]}")));

            assertThat(response.statusCode()).isEqualTo(200);
            StubService.Received received = DOSSIER.received(requestId).orElseThrow();
            assertThat(received.path()).isEqualTo("/api/v1/sources");
            assertThat(received.headers()).doesNotContainKey("authorization");
        }
        String requestId = newRequestId();
        assertThat(send(request(uri("/api/v1/sources/src-1"), requestId)
                                .header("Authorization", ADMIN)
                                .DELETE())
                        .statusCode())
                .isEqualTo(200);
        assertThat(DOSSIER.received(requestId).orElseThrow().method()).isEqualTo("DELETE");
    }

    @Test
    void theKeyFeedIsNotReachableThroughTheGateway() {
        for (String path : List.of(
                "/internal/v1/source-keys",
                "/internal/v1/source-keys?sinceVersion=0",
                "/api/v1/../internal/v1/source-keys",
                "/api/v1/sources/../../../internal/v1/source-keys")) {
            String requestId = newRequestId();
            HttpResponse<String> response = send(
                    request(uri(path), requestId).header("Authorization", ADMIN).GET());

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(contentType(response)).isEqualTo("application/problem+json");
            assertThat(DOSSIER.received(requestId)).as(path).isEmpty();
        }
    }

    private static String newSource() {
        return "src-it-" + UUID.randomUUID();
    }

    private HttpResponse<String> write(String key) {
        return send(request(uri("/api/v1/dossier-events"), newRequestId())
                .header("X-Api-Key", key)
                .POST(EVENT));
    }

    private void awaitStatus(String key, int status, Duration within) {
        Awaitility.await()
                .atMost(within)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> write(key).statusCode() == status);
    }
}
