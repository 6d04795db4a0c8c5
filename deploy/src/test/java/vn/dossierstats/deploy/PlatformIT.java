package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services from their packaged jars on a real broker and database, driven only through the gateway, as a
 * source system and a dashboard would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("dossier-service", "metrics-service", "ranking-service", "gateway")) {
            Service.jar(home, module); // fails clearly when a jar was not built
        }
        platform = EmbeddedPlatform.start(PlatformOptions.forTests("platform-it"));
        assertThat(put("/api/v1/units/E2E", "{\"name\":\"Tỉnh Kiểm Thử\",\"level\":\"PROVINCE\"}")
                        .statusCode())
                .isEqualTo(201);
        for (String commune : List.of("E2E.01", "E2E.02", "E2E.03")) {
            assertThat(put(
                                    "/api/v1/units/" + commune,
                                    "{\"name\":\"Xã " + commune + "\",\"level\":\"COMMUNE\",\"parentCode\":\"E2E\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(put(
                                "/api/v1/procedures/9.000001",
                                "{\"name\":\"Thủ tục kiểm thử\",\"domain\":\"Đất đai\","
                                        + "\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"},\"cutoff\":\"15:00\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aDossierPushedThroughTheGatewayIsCountedForTheCommuneAndTheProvinceAndRanked() {
        Today today = Today.spanning(Duration.ofSeconds(120), Duration.ZERO);
        String period = today.month();
        Instant due = today.now().plusSeconds(3 * 86400);
        assertThat(post(received("D-1", "r-1", "E2E.01", today.ago(120), due)).statusCode())
                .isEqualTo(202);
        HttpResponse<String> again = post(received("D-1", "r-1", "E2E.01", today.ago(120), due));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE");
        assertThat(post(resolved("D-1", "e-1", today.ago(60))).statusCode()).isEqualTo(202);

        // a RESOLVED that arrives before its RECEIVED is counted once the RECEIVED arrives
        assertThat(post(resolved("D-2", "e-2", today.ago(30))).statusCode()).isEqualTo(202);
        assertThat(post(received("D-2", "r-2", "E2E.01", today.ago(90), due)).statusCode())
                .isEqualTo(202);

        for (String unit : List.of("E2E.01", "E2E")) {
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode report = getJson("/api/v1/stats/units/" + unit + "?period=" + period);
                assertThat(report.get("received").get("new").asLong()).isEqualTo(2);
                assertThat(report.get("ended").get("early").asLong()).isEqualTo(2);
                assertThat(report.get("onTimeRate").asDouble()).isEqualTo(1.0);
            });
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode board = getJson("/api/v1/leaderboards?level=PROVINCE&period=" + period);
            List<String> listed = new ArrayList<>();
            board.get("entries").forEach(e -> listed.add(e.get("unitCode").asString()));
            board.get("unranked").forEach(e -> {
                listed.add(e.get("unitCode").asString());
                if (e.get("unitCode").asString().equals("E2E")) {
                    assertThat(e.get("volume").asLong()).isEqualTo(2);
                }
            });
            assertThat(listed).contains("E2E");
        });
        JsonNode dossier = getJson("/api/v1/dossiers/D-1");
        assertThat(dossier.get("classification").asString()).isEqualTo("EARLY");
    }

    @Test
    @Order(2)
    void aMalformedEventIsAProblemNamingTheField() {
        HttpResponse<String> response = post(
                "{\"eventId\":\"bad-1\",\"type\":\"RECEIVED\",\"dossierId\":\"D-9\","
                        + "\"occurredAt\":\"yesterday\",\"unitCode\":\"E2E.01\",\"procedureCode\":\"9.000001\",\"channel\":\"ONLINE\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"occurredAt\"");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void killingTheMetricsServiceWhileEventsFlowLosesNothingAndCountsNothingTwice() throws Exception {
        Today today = Today.spanning(Duration.ofHours(2), Duration.ZERO);
        String period = today.month();
        // what the province counted before (the first test's dossiers, when in the same month)
        long provinceBefore = getJson("/api/v1/stats/units/E2E?period=" + period)
                .get("received")
                .get("new")
                .asLong();
        int dossiers = 120;
        AtomicInteger sent = new AtomicInteger();
        Thread source = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < dossiers; i += 10) {
                List<String> batch = new ArrayList<>();
                for (int j = i; j < i + 10; j++) {
                    boolean late = j % 2 == 0;
                    Instant due = late ? today.ago(3600) : today.now().plusSeconds(3 * 86400);
                    batch.add(received("K-" + j, "kr-" + j, "E2E.02", today.ago(7200), due));
                    batch.add(resolved("K-" + j, "ke-" + j, today.ago(60)));
                }
                HttpResponse<String> response = postBatch(batch);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"accepted\":20");
                sent.addAndGet(10);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 30);
        platform.kill("metrics-service");
        source.join(Duration.ofMinutes(2));
        assertThat(sent.get()).isEqualTo(dossiers);
        platform.restart("metrics-service");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = getJson("/api/v1/stats/units/E2E.02?period=" + period);
            assertThat(report.get("received").get("new").asLong()).isEqualTo(dossiers);
            assertThat(report.get("ended").get("late").asLong()).isEqualTo(dossiers / 2);
            assertThat(report.get("ended").get("early").asLong()).isEqualTo(dossiers / 2);
            assertThat(report.get("inProgress").get("total").asLong()).isZero();
        });
        JsonNode province = getJson("/api/v1/stats/units/E2E?period=" + period);
        assertThat(province.get("received").get("new").asLong()).isEqualTo(provinceBefore + dossiers);
    }

    @Test
    @Order(4)
    void pausesSupplementsApologiesRefusalsAndOverdueAreJudgedByTheRules() {
        // the due instant of the open P-5 is on the same local day too: read after midnight, its month is judged at
        // the month's end, when P-5 is overdue all the same
        Today today = Today.spanning(Duration.ofSeconds(600), Duration.ofSeconds(3));
        String period = today.month();
        Instant tomorrow = today.now().plusSeconds(86400);
        // a pause that ends after the original due instant, resolved within the extended one
        assertThat(postBatch(List.of(
                                received("P-1", "p1-r", "E2E.03", today.ago(600), today.ago(300)),
                                event("P-1", "p1-s", "SUPPLEMENT_REQUESTED", today.ago(480), ""),
                                event("P-1", "p1-t", "SUPPLEMENT_RECEIVED", today.ago(120), ""),
                                event("P-1", "p1-e", "RESOLVED", today.ago(60), "")))
                        .body())
                .contains("\"accepted\":4");
        // two supplement requests: late whatever the times
        assertThat(postBatch(List.of(
                                received("P-2", "p2-r", "E2E.03", today.ago(600), tomorrow),
                                event("P-2", "p2-s1", "SUPPLEMENT_REQUESTED", today.ago(540), ""),
                                event("P-2", "p2-t1", "SUPPLEMENT_RECEIVED", today.ago(480), ""),
                                event("P-2", "p2-s2", "SUPPLEMENT_REQUESTED", today.ago(420), ""),
                                event("P-2", "p2-t2", "SUPPLEMENT_RECEIVED", today.ago(360), ""),
                                event("P-2", "p2-e", "RESOLVED", today.ago(60), "")))
                        .body())
                .contains("\"accepted\":6");
        // an apology does not rescue a late dossier
        assertThat(postBatch(List.of(
                                received("P-3", "p3-r", "E2E.03", today.ago(600), today.ago(300)),
                                event(
                                        "P-3",
                                        "p3-a",
                                        "DEADLINE_EXTENDED",
                                        today.ago(360),
                                        ",\"newDueAt\":\"" + local(tomorrow) + "\""),
                                event("P-3", "p3-e", "RESOLVED", today.ago(60), "")))
                        .body())
                .contains("\"accepted\":3");
        // a refused dossier never enters the statistics
        assertThat(post(received("P-4", "p4-r", "E2E.03", today.ago(60), tomorrow)
                                .replace("\"RECEIVED\"", "\"REFUSED\""))
                        .statusCode())
                .isEqualTo(202);
        // an open dossier that passes its due instant, with no request to trigger anything
        assertThat(post(received("P-5", "p5-r", "E2E.03", today.ago(60), today.later(Duration.ofSeconds(3))))
                        .statusCode())
                .isEqualTo(202);

        assertThat(getJson("/api/v1/dossiers/P-1").get("classification").asString())
                .isIn("ON_TIME", "EARLY");
        assertThat(getJson("/api/v1/dossiers/P-2").get("classification").asString())
                .isEqualTo("LATE");
        assertThat(getJson("/api/v1/dossiers/P-3").get("classification").asString())
                .isEqualTo("LATE");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode report = getJson("/api/v1/stats/units/E2E.03?period=" + period);
            assertThat(report.get("received").get("new").asLong()).isEqualTo(4);
            assertThat(report.get("ended").get("early").asLong()
                            + report.get("ended").get("onTime").asLong())
                    .isEqualTo(1);
            assertThat(report.get("ended").get("late").asLong()).isEqualTo(2);
            assertThat(report.get("inProgress").get("overdue").asLong()).isEqualTo(1);
            assertThat(report.get("inProgress").get("withinDeadline").asLong()).isZero();
        });
    }

    @Test
    @Order(5)
    void aLeaderboardStreamThroughTheGatewayReceivesTheChangeAnEventMakes() throws Exception {
        Today today = Today.spanning(Duration.ofSeconds(60), Duration.ZERO);
        String period = today.month();
        java.util.concurrent.BlockingQueue<JsonNode> boards = new java.util.concurrent.LinkedBlockingQueue<>();
        var stream = HTTP.sendAsync(
                HttpRequest.newBuilder(uri("/api/v1/leaderboards/stream?level=COMMUNE&parent=E2E&indicator=ONLINE_SHARE"
                                + "&period=" + period))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> stream.thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line ->
                                boards.add(JSON.readTree(line.substring(5).trim()))))
                .join());
        try {
            JsonNode first = boards.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).as("the full leaderboard on connect").isNotNull();
            long before = volumeOf(first, "E2E.03");

            assertThat(post(received(
                                    "D-SSE",
                                    "r-sse",
                                    "E2E.03",
                                    today.ago(60),
                                    today.now().plusSeconds(86400)))
                            .statusCode())
                    .isEqualTo(202);
            Instant accepted = Instant.now();

            JsonNode changed = null;
            while (changed == null) {
                JsonNode board = boards.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(board).as("a leaderboard event after the change").isNotNull();
                if (volumeOf(board, "E2E.03") == before + 1) {
                    changed = board;
                }
            }
            System.out.printf(
                    "leaderboard change reached the SSE client %d ms after the event was accepted%n",
                    Duration.between(accepted, Instant.now()).toMillis());
            assertThat(changed.get("level").asString()).isEqualTo("COMMUNE");
            assertThat(changed.get("parent").asString()).isEqualTo("E2E");
        } finally {
            stream.cancel(true);
            reader.interrupt();
        }
    }

    @Test
    @Order(6)
    void aManagedKeyWritesOnlyWithinItsScopeAndStopsWorkingOnceRevoked() {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Một cửa xã 01\",\"scopes\":[\"E2E.01\"]}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode source = JSON.readTree(created.body());
        String key = source.get("key").asString();
        Instant now = Instant.now();

        // the gateways learn a new key within a second
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        postWith(key, received("D-K1", "k-1", "E2E.01", now.minusSeconds(60), now.plusSeconds(86400)))
                                .statusCode())
                .isEqualTo(202));
        HttpResponse<String> outside =
                postWith(key, received("D-K2", "k-2", "E2E.02", now.minusSeconds(60), now.plusSeconds(86400)));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/dossiers/D-K2")).GET())
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> revoked = send(
                HttpRequest.newBuilder(uri("/api/v1/sources/" + source.get("id").asString()))
                        .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                        .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        postWith(key, received("D-K3", "k-3", "E2E.01", now.minusSeconds(60), now.plusSeconds(86400)))
                                .statusCode())
                .isEqualTo(401));
    }

    private static long volumeOf(JsonNode board, String unit) {
        for (String list : List.of("entries", "unranked")) {
            for (JsonNode entry : board.path(list)) {
                if (unit.equals(entry.path("unitCode").asString())) {
                    return entry.path("volume").asLong();
                }
            }
        }
        return 0;
    }

    private static HttpResponse<String> postWith(String key, String event) {
        return send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(event)));
    }

    private static String event(String dossier, String eventId, String type, Instant at, String extra) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\"" + extra + "}";
    }

    private static String received(String dossier, String eventId, String unit, Instant at, Instant due) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\""
                + local(at) + "\",\"unitCode\":\"" + unit + "\",\"procedureCode\":\"9.000001\",\"channel\":\"ONLINE\","
                + "\"dueAt\":\"" + local(due) + "\"}";
    }

    private static String resolved(String dossier, String eventId, Instant at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RESOLVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\"}";
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7)).toString();
    }

    private static HttpResponse<String> post(String event) {
        return send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event)));
    }

    private static HttpResponse<String> postBatch(List<String> events) {
        return send(HttpRequest.newBuilder(uri("/api/v1/dossier-events/batch"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + String.join(",", events) + "]}")));
    }

    private static HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
