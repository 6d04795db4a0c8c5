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
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway given two instances of every service (comma-separated, as {@code DOSSIER_SERVICE_URI} etc. take them):
 * reads are spread over both, a read that got 503 from one instance is answered by the other, and a write is sent to
 * one instance only, whatever it answers. One dossier-service instance answers 503 to everything but its actuator, as
 * an instance that is alive but not serving does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class LoadBalancingIT {

    static final StubService DOSSIER_A = new StubService("dossier-a");
    static final StubService DOSSIER_B = new StubService("dossier-b");
    static final StubService METRICS_A = new StubService("metrics-a");
    static final StubService METRICS_B = new StubService("metrics-b");
    static final StubService RANKING_A = new StubService("ranking-a");
    static final StubService RANKING_B = new StubService("ranking-b");

    static {
        DOSSIER_A.answerUnavailable();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.dossier", () -> DOSSIER_A.uri() + "," + DOSSIER_B.uri());
        registry.add("gateway.services.metrics", () -> METRICS_A.uri() + "," + METRICS_B.uri());
        registry.add("gateway.services.ranking", () -> RANKING_A.uri() + "," + RANKING_B.uri());
    }

    /** Until the first health checks have found both instances of each service up. */
    @BeforeEach
    void bothInstancesKnown() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> answeredBy = java.util.stream.Stream.generate(
                            () -> get("/api/v1/stats/units/H26?period=2026-07"))
                    .limit(4)
                    .map(HttpResponse::body)
                    .toList();
            return answeredBy.contains("{\"service\":\"metrics-a\"}")
                    && answeredBy.contains("{\"service\":\"metrics-b\"}");
        });
    }

    @Test
    void readsAreSpreadOverEveryInstance() {
        List<HttpResponse<String>> answers = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> get("/api/v1/stats/units/H26?period=2026-0" + (i % 9 + 1)))
                .toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        // round robin: alternately one and the other, but for a health check that reorders the list in between
        assertThat(answers.stream().filter(a -> a.body().contains("metrics-a"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(answers.stream().filter(a -> a.body().contains("metrics-b"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aReadThatOneInstanceAnswered503IsAnsweredByTheOther() {
        for (int i = 0; i < 6; i++) {
            String requestId = newRequestId();
            HttpResponse<String> answer = send(request(uri("/api/v1/dossiers/H26.30-260701-000" + i), requestId)
                    .GET());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"service\":\"dossier-b\"}");
            assertThat(DOSSIER_B.received(requestId)).isPresent();
        }
    }

    @Test
    void aWriteIsSentToOneInstanceOnlyEvenWhenItAnswers503() {
        int unavailable = 0;
        for (int i = 0; i < 6; i++) {
            String requestId = newRequestId();
            HttpResponse<String> answer = send(request(uri("/api/v1/dossier-events"), requestId)
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", SOURCE_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":" + i + "}")));

            boolean atA = DOSSIER_A.received(requestId).isPresent();
            boolean atB = DOSSIER_B.received(requestId).isPresent();
            assertThat(atA ^ atB).as("reached exactly one instance").isTrue();
            assertThat(answer.statusCode()).isEqualTo(atA ? 503 : 200);
            unavailable += atA ? 1 : 0;
        }
        // the round robin sent half of them to the instance answering 503, and the gateway passed its 503 on
        assertThat(unavailable).isEqualTo(3);
    }

    private HttpResponse<String> get(String path) {
        return send(request(uri(path), newRequestId()).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
