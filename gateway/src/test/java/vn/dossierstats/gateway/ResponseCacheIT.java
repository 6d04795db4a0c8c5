package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dossierstats.gateway.ResponseCacheTestConfiguration.MutableTicker;

/**
 * The micro-cache of public reads (cache.ResponseCacheFilter) in front of stubs that answer as ranking- and
 * metrics-service do (strong ETag, {@code max-age=0}, 304 to {@code If-None-Match}). The cache's clock stands still
 * until a test advances it past the TTL (100 ms). Each test reads paths of its own.
 */
class ResponseCacheIT extends GatewayITSupport {

    private static final Duration PAST_THE_TTL = Duration.ofMillis(150);
    private static final String V1 = "{\"figures\":1}";
    private static final String V2 = "{\"figures\":2}";

    @Autowired
    MutableTicker ticker;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stats/units/", "/api/v1/leaderboards/"})
    void aSecondReadWithinTheTtlDoesNotReachTheService(String prefix) {
        StubService service = prefix.contains("stats") ? METRICS : RANKING;
        String path = prefix + unique();
        service.serveTagged(path, V1);

        HttpResponse<String> first = read(path);
        HttpResponse<String> second = read(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(V1);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(V1);
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(service.requestsTo(path)).hasSize(1);
    }

    @Test
    void aHitCarriesTheServicesHeadersAndTheRequestIdOfItsOwnRequest() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        HttpResponse<String> miss = read(path);
        String requestId = newRequestId();

        HttpResponse<String> hit = send(request(uri(path), requestId).GET());

        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Vary")) {
            assertThat(hit.headers().allValues(header))
                    .as(header)
                    .isEqualTo(miss.headers().allValues(header));
        }
        assertThat(hit.headers().firstValue("ETag")).hasValue(METRICS.etagAt(path));
        assertThat(hit.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, must-revalidate");
        // the embedded profile allows every origin: CORS varies the answer, on a hit as when proxied
        assertThat(hit.headers().allValues("Vary")).contains("Origin", "Access-Control-Request-Method");
        assertThat(hit.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(hit.headers().firstValue("Age")).hasValue("0");
        assertThat(hit.headers().firstValue("Content-Length")).hasValue(String.valueOf(V1.length()));
    }

    @Test
    void afterTheTtlOneRevalidationWithIfNoneMatchAnswered304KeepsServingTheBody() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        read(path);
        ticker.advance(PAST_THE_TTL);

        HttpResponse<String> revalidated = read(path);
        HttpResponse<String> fresh = read(path);

        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(revalidated.body()).isEqualTo(V1);
        assertThat(revalidated.headers().firstValue("X-Cache")).hasValue("REVALIDATED");
        assertThat(revalidated.headers().firstValue("Content-Type")).hasValue("application/json");
        List<StubService.Received> requests = METRICS.requestsTo(path);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isEmpty();
        assertThat(requests.get(1).header("If-None-Match")).hasValue(METRICS.etagAt(path));
        // the 304 made the stored answer fresh again
        assertThat(fresh.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(fresh.body()).isEqualTo(V1);
    }

    @Test
    void aChangedAnswerIsServedAfterTheTtlNotBefore() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        read(path);
        METRICS.serveTagged(path, V2);

        HttpResponse<String> withinTheTtl = read(path);
        ticker.advance(PAST_THE_TTL);
        HttpResponse<String> afterTheTtl = read(path);

        assertThat(withinTheTtl.body()).isEqualTo(V1);
        assertThat(afterTheTtl.statusCode()).isEqualTo(200);
        assertThat(afterTheTtl.body()).isEqualTo(V2);
        assertThat(afterTheTtl.headers().firstValue("ETag")).hasValue(METRICS.etagAt(path));
        assertThat(afterTheTtl.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(read(path).body()).isEqualTo(V2);
    }

    @Test
    void concurrentReadsAfterTheTtlMakeOneCallToTheService() {
        String path = "/api/v1/test-cached/" + unique();
        METRICS.serveTagged(path, V1);
        read(path);
        ticker.advance(PAST_THE_TTL);
        METRICS.serveTagged(path, V2);
        METRICS.hold(path);
        double collapsedBefore = collapsed("test-cached");

        List<CompletableFuture<HttpResponse<String>>> reads = IntStream.range(0, 8)
                .mapToObj(i -> HTTP.sendAsync(
                        request(uri(path), newRequestId()).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        // one of them reached the service and is held there; the seven others wait for it at the gateway
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> METRICS.requestsTo(path).size() == 2 && collapsed("test-cached") - collapsedBefore == 7);
        METRICS.release(path);

        for (CompletableFuture<HttpResponse<String>> read : reads) {
            HttpResponse<String> response = read.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(V2);
        }
        assertThat(METRICS.requestsTo(path)).hasSize(2);
    }

    @Test
    void whenTheServiceIsTooSlowTheWaitingReadsFailWithTheOneAskingItWithinTheRouteTimeout() {
        String path = "/api/v1/test-cached/" + unique();
        METRICS.serveTagged(path, V1);
        METRICS.hold(path);
        try {
            double collapsedBefore = collapsed("test-cached");
            CompletableFuture<HttpResponse<String>> leader = HTTP.sendAsync(
                    request(uri(path), newRequestId()).GET().build(), HttpResponse.BodyHandlers.ofString());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> METRICS.requestsTo(path).size() == 1);
            List<CompletableFuture<HttpResponse<String>>> followers = IntStream.range(0, 3)
                    .mapToObj(i -> HTTP.sendAsync(
                            request(uri(path), newRequestId()).GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> collapsed("test-cached") - collapsedBefore == 3);

            assertThat(leader.join().statusCode()).isEqualTo(504);
            for (CompletableFuture<HttpResponse<String>> follower : followers) {
                HttpResponse<String> response = follower.join();
                assertThat(response.statusCode()).isEqualTo(504);
                assertThat(contentType(response)).isEqualTo("application/problem+json");
            }
            assertThat(METRICS.requestsTo(path)).hasSize(1);
        } finally {
            METRICS.release(path);
        }
    }

    @Test
    void errorsAreNeverCachedEvenWithAnEntityTag() {
        String problem = statsPath();
        METRICS.serveTagged(problem, 422, "application/problem+json", StubService.SERVICE_PROBLEM);
        String failure = statsPath();
        METRICS.serveTagged(failure, 500, "application/problem+json", "{\"status\":500}");

        for (String path : List.of(problem, failure)) {
            HttpResponse<String> first = read(path);
            HttpResponse<String> second = read(path);

            assertThat(second.statusCode()).isEqualTo(first.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(second.headers().firstValue("X-Cache")).hasValue("MISS");
            assertThat(METRICS.requestsTo(path)).as(path).hasSize(2);
        }
    }

    @Test
    void anAnswerWithoutEntityTagIsNeverCached() {
        String path = statsPath(); // the stub's plain answer: 200 JSON, no ETag
        String first = newRequestId();
        String second = newRequestId();

        assertThat(send(request(uri(path), first).GET()).statusCode()).isEqualTo(200);
        assertThat(send(request(uri(path), second).GET()).statusCode()).isEqualTo(200);

        assertThat(METRICS.received(first)).isPresent();
        assertThat(METRICS.received(second)).isPresent();
    }

    @Test
    void aRouteWhoseAccessRuleIsNotPublicReadIsNotCachedWhateverItsMetadata() {
        String path = "/api/v1/test-cached-admin-write/" + unique();
        DOSSIER.serveTagged(path, V1);

        read(path);
        HttpResponse<String> second = read(path);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Cache")).isEmpty();
        assertThat(DOSSIER.requestsTo(path)).hasSize(2);
    }

    @Test
    void aPublicRouteThatDoesNotOptInIsNotCached() {
        String path = "/api/v1/dossiers/" + unique();
        DOSSIER.serveTagged(path, V1);

        read(path);
        read(path);

        assertThat(DOSSIER.requestsTo(path)).hasSize(2);
    }

    @Test
    void readsWithCredentialsOrCookiesAlwaysReachTheService() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        read(path);

        send(request(uri(path), newRequestId()).header("Authorization", ADMIN).GET());
        send(request(uri(path), newRequestId()).header("X-Api-Key", SOURCE_KEY).GET());
        HttpResponse<String> withCookie = send(
                request(uri(path), newRequestId()).header("Cookie", "session=1").GET());

        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(withCookie.headers().firstValue("X-Cache")).isEmpty();
        assertThat(METRICS.requestsTo(path)).hasSize(4);
        // credentials never reach the service, cached or not
        assertThat(METRICS.requestsTo(path).get(1).header("Authorization")).isEmpty();
    }

    @Test
    void theCallersIfNoneMatchNamingTheStoredAnswerIsA304FromTheGateway() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        String etag = read(path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> notModified = send(
                request(uri(path), newRequestId()).header("If-None-Match", etag).GET());

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, must-revalidate");
        assertThat(METRICS.requestsTo(path)).hasSize(1);
    }

    @Test
    void aCallersOutdatedTagGetsTheWholeAnswerAndTheServiceIsAskedWithTheCachesTagOnly() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);
        String outdated = "\"0123456789abcdef0123456789abcdef\"";

        HttpResponse<String> first = send(request(uri(path), newRequestId())
                .header("If-None-Match", outdated)
                .GET());
        ticker.advance(PAST_THE_TTL);
        HttpResponse<String> second = send(request(uri(path), newRequestId())
                .header("If-None-Match", outdated)
                .GET());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(V1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(V1);
        List<StubService.Received> requests = METRICS.requestsTo(path);
        assertThat(requests.get(0).header("If-None-Match")).isEmpty();
        assertThat(requests.get(1).header("If-None-Match")).hasValue(METRICS.etagAt(path));
    }

    @Test
    void theSameParametersInAnotherOrderShareAnAnswer() {
        String path = "/api/v1/leaderboards/" + unique();
        RANKING.serveTagged(path, V1);

        read(path + "?level=PROVINCE&period=2026-07&indicator=ON_TIME_RATE");
        HttpResponse<String> reordered = read(path + "?period=2026-07&indicator=ON_TIME_RATE&level=PROVINCE");
        read(path + "?level=DISTRICT&period=2026-07&indicator=ON_TIME_RATE");

        assertThat(reordered.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(RANKING.requestsTo(path)).hasSize(2);
    }

    @Test
    void anotherAcceptHeaderIsAnotherAnswer() {
        String path = statsPath();
        METRICS.serveTagged(path, V1);

        send(request(uri(path), newRequestId())
                .header("Accept", "application/json")
                .GET());
        HttpResponse<String> other =
                send(request(uri(path), newRequestId()).header("Accept", "*/*").GET());
        HttpResponse<String> same = send(request(uri(path), newRequestId())
                .header("Accept", "application/json")
                .GET());

        assertThat(other.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(same.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(METRICS.requestsTo(path)).hasSize(2);
    }

    private HttpResponse<String> read(String pathAndQuery) {
        return send(request(uri(pathAndQuery), newRequestId()).GET());
    }

    private double collapsed(String route) {
        Counter counter = meters.find("gateway.response.cache.requests")
                .tags("route", route, "result", "collapsed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String statsPath() {
        return "/api/v1/stats/units/" + unique();
    }

    private static String unique() {
        return "c" + UUID.randomUUID();
    }
}
