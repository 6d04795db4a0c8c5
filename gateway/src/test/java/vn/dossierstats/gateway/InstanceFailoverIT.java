package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierstats.gateway.GatewayITSupport.SOURCE_KEY;
import static vn.dossierstats.gateway.GatewayITSupport.newRequestId;
import static vn.dossierstats.gateway.GatewayITSupport.request;
import static vn.dossierstats.gateway.GatewayITSupport.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of every service, one of which stops (its port closes at once, as when its process is killed): every
 * read is still answered, at once, by the survivor; writes reach the survivor only once the health check has left the
 * dead instance out (1 s interval), and until then a write sent to the dead one fails with 503 and is never resent.
 * Each test stops an instance of a different service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class InstanceFailoverIT {

    /** A read must be answered within this after an instance died: one refused connection and one retry. */
    static final Duration READ_BOUND = Duration.ofSeconds(2);
    /** The health check leaves a dead instance out within two of its 1 s intervals; a margin for a busy machine. */
    static final Duration WRITE_FAILOVER_BOUND = Duration.ofSeconds(5);

    static final StubService DOSSIER_A = new StubService("dossier-a");
    static final StubService DOSSIER_B = new StubService("dossier-b");
    static final StubService METRICS_A = new StubService("metrics-a");
    static final StubService METRICS_B = new StubService("metrics-b");
    static final StubService RANKING_A = new StubService("ranking-a");
    static final StubService RANKING_B = new StubService("ranking-b");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.dossier", () -> DOSSIER_A.uri() + "," + DOSSIER_B.uri());
        registry.add("gateway.services.metrics", () -> METRICS_A.uri() + "," + METRICS_B.uri());
        registry.add("gateway.services.ranking", () -> RANKING_A.uri() + "," + RANKING_B.uri());
    }

    /** The first request sets up the HTTP client, and the health checks find the instances. */
    @BeforeEach
    void warm() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/leaderboards").statusCode() == 200);
    }

    @Test
    void everyReadIsAnsweredByTheSurvivorWithinTwoSecondsOfAnInstanceDying() {
        RANKING_A.stop();

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&limit=" + (i + 1));
            millis.add((System.nanoTime() - started) / 1_000_000);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"service\":\"ranking-b\"}");
        }
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(READ_BOUND.toMillis()));
    }

    @Test
    void writesReachTheSurvivorOnceTheDeadInstanceIsLeftOutAndNoneIsSentTwice() {
        DOSSIER_A.stop();

        // until the health check has left A out, a write the round robin gives to A fails (503) and is not resent
        Awaitility.await().atMost(WRITE_FAILOVER_BOUND).until(() -> IntStream.range(0, 6)
                .allMatch(i -> {
                    String requestId = newRequestId();
                    int status = post(requestId).statusCode();
                    boolean atB = DOSSIER_B.received(requestId).isPresent();
                    assertThat(status).isIn(200, 503);
                    assertThat(atB)
                            .as("a write answered 503 never reached the other instance")
                            .isEqualTo(status == 200);
                    return status == 200;
                }));
    }

    private HttpResponse<String> post(String requestId) {
        return send(request(uri("/api/v1/dossier-events"), requestId)
                .header("Content-Type", "application/json")
                .header("X-Api-Key", SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
    }

    private HttpResponse<String> get(String path) {
        return send(request(uri(path), newRequestId()).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
