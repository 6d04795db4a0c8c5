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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Acceptance 3 of issue 20: a one-stop system running OpenCPS, given only our URLs, the unit's code and a source's
     * id and key, logs in, looks each dossier up, pushes it, updates it and reports progress, each answer read as
     * OpenCPS reads it. Procedure 9.000001 takes 3 working days; the figures, worked by hand for March 2025 (all dates
     * in the past, so the test passes at any hour):
     * <ul>
     *   <li>A, received Mon 10 Mar 09:00 with the appointment Thu 13 Mar 09:00, resolved Wed 12 Mar 15:00, returned
     *       13 Mar 08:00: EARLY (an earlier local day).
     *   <li>B, received Tue 11 Mar 10:00 without an appointment, so due Fri 14 Mar 10:00 (24 working hours); progress
     *       says a supplement was asked Wed 12 Mar 09:00 (status 5) and came Mon 17 Mar 09:00 (status 4): 120 hours of
     *       pause, due Wed 19 Mar 10:00. Resolved Tue 18 Mar 16:00: EARLY, where without the progress it would be late.
     *   <li>C, received Fri 14 Mar 09:00, appointment Wed 19 Mar 17:00, then pushed as status 9 with no end instant
     *       (OpenCPS's bare status): nothing ends, the dossier waits for NgayKetThucXuLy; open and overdue at the end
     *       of March.
     * </ul>
     * So March 2025: 3 received (all in person: OpenCPS sends no channel), 2 early, 1 overdue, on-time rate 1.0,
     * progress score 20 × 2 / 3 = 13.33.
     */
    @Test
    @Order(7)
    void anOpenCpsClientGivenOnlyOurUrlsAndASourcesCredentialsLogsInLooksUpPushesAndUpdatesEndToEnd() {
        assertThat(put("/api/v1/units/DVQ", "{\"name\":\"Tỉnh DVCQG\",\"level\":\"PROVINCE\"}")
                        .statusCode())
                .isEqualTo(201);
        String madonvi = "000.00.01.H99";
        assertThat(put(
                                "/api/v1/units/DVQ.01",
                                "{\"name\":\"Xã Một cửa\",\"level\":\"COMMUNE\",\"parentCode\":\"DVQ\","
                                        + "\"dvcqgCode\":\"" + madonvi + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/sources"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Một cửa DVQ (OpenCPS)\",\"scopes\":[\"DVQ\"]}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode source = JSON.readTree(created.body());
        // the settings of README "Speaking DVCQG", nothing else
        OpenCps openCps = new OpenCps(
                platform.gatewayUrl(),
                "/api/v1/dvcqg/auth",
                "/api/v1/dvcqg",
                madonvi,
                source.get("id").asString(),
                source.get("key").asString());
        // the gateways learn a new key within a second
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(openCps::logIn);

        String a = madonvi + "-250310-0001";
        String b = madonvi + "-250311-0002";
        String c = madonvi + "-250314-0003";
        assertThat(openCps.sync(a, "2", "20250310090000", "20250313090000", "", "")
                        .isUpdating())
                .isEqualTo("False");
        assertThat(openCps.sync(b, "4", "20250311100000", "", "", "").isUpdating())
                .isEqualTo("False");
        assertThat(openCps.sync(c, "4", "20250314090000", "20250319170000", "", "")
                        .isUpdating())
                .isEqualTo("False");
        openCps.progress(b, "5", "20250312090000");
        assertThat(getJson("/api/v1/dossiers/" + b).get("status").asString()).isEqualTo("WAITING_SUPPLEMENT");
        openCps.progress(b, "4", "20250317090000");

        // the look-up now finds each dossier, so the next pushes are updates
        assertThat(openCps.sync(a, "10", "20250310090000", "20250313090000", "20250312150000", "20250313080000")
                        .isUpdating())
                .isEqualTo("True");
        assertThat(openCps.sync(b, "10", "20250311100000", "", "20250318160000", "20250319080000")
                        .isUpdating())
                .isEqualTo("True");
        OpenCps.Pushed waiting = openCps.sync(c, "9", "20250314090000", "20250319170000", "", "");
        assertThat(waiting.answer().get("results").get(0).get("waitingFor").toString())
                .contains("NgayKetThucXuLy");
        // OpenCPS pushes again when it is unsure a push arrived: no second effect
        OpenCps.Pushed again =
                openCps.sync(a, "10", "20250310090000", "20250313090000", "20250312150000", "20250313080000");
        assertThat(again.answer().get("results").get(0).get("accepted").asInt()).isZero();

        JsonNode viewA = getJson("/api/v1/dossiers/" + a);
        assertThat(viewA.get("unitCode").asString()).isEqualTo("DVQ.01");
        assertThat(viewA.get("procedureCode").asString()).isEqualTo("9.000001");
        assertThat(viewA.get("channel").asString()).isEqualTo("DIRECT");
        assertThat(viewA.get("status").asString()).isEqualTo("RESULT_RETURNED");
        assertThat(viewA.get("receivedAt").asString()).isEqualTo("2025-03-10T09:00:00+07:00");
        assertThat(viewA.get("dueAt").asString()).isEqualTo("2025-03-13T09:00:00+07:00");
        assertThat(viewA.get("endedAt").asString()).isEqualTo("2025-03-12T15:00:00+07:00");
        assertThat(viewA.get("classification").asString()).isEqualTo("EARLY");
        assertThat(viewA.get("events")).hasSize(3); // RECEIVED, RESOLVED, RESULT_RETURNED
        JsonNode viewB = getJson("/api/v1/dossiers/" + b);
        assertThat(viewB.get("dueAt").asString()).isEqualTo("2025-03-19T10:00:00+07:00");
        assertThat(viewB.get("endedAt").asString()).isEqualTo("2025-03-18T16:00:00+07:00");
        assertThat(viewB.get("classification").asString()).isEqualTo("EARLY");
        List<String> types = new ArrayList<>();
        viewB.get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types)
                .containsExactly(
                        "RECEIVED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "RESOLVED", "RESULT_RETURNED");
        JsonNode viewC = getJson("/api/v1/dossiers/" + c);
        assertThat(viewC.get("status").asString()).isEqualTo("OPEN");
        assertThat(viewC.get("overdue").asBoolean()).isTrue();
        assertThat(viewC.get("waitingFor").toString()).contains("NgayKetThucXuLy");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = getJson("/api/v1/stats/units/DVQ?period=2025-03");
            assertThat(report.get("received").get("new").asLong()).isEqualTo(3);
            assertThat(report.get("received").get("direct").asLong()).isEqualTo(3);
            assertThat(report.get("ended").get("early").asLong()).isEqualTo(2);
            assertThat(report.get("ended").get("onTime").asLong()).isZero();
            assertThat(report.get("ended").get("late").asLong()).isZero();
            assertThat(report.get("inProgress").get("overdue").asLong()).isEqualTo(1);
            assertThat(report.get("inProgress").get("withinDeadline").asLong()).isZero();
            assertThat(report.get("onTimeRate").asDouble()).isEqualTo(1.0);
            assertThat(report.get("progressScore").asDouble()).isEqualTo(13.33);
        });
        JsonNode reconciliation = getJson("/api/v1/stats/units/DVQ/reconciliation?period=2025-03");
        assertThat(reconciliation.get("waitingForInstant").toString())
                .contains(c)
                .doesNotContain(a);
    }

    /** {@code deploy/run --simulate --dvcqg}: the simulator's OpenCPS and TD pushes, for a few seconds, all applied. */
    @Test
    @Order(8)
    void theDvcqgSimulatorsPushesAreAllApplied() {
        DvcqgSimulator simulator = new DvcqgSimulator(
                platform.gatewayUrl(), EmbeddedPlatform.SOURCE_KEY, EmbeddedPlatform.ADMIN_TOKEN, 9, System.out);
        simulator.start();
        long failed;
        try {
            // about 3 new dossiers a second, each pushed at once, and steps of the open ones
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> simulator.applied() + simulator.failed() >= 30);
            failed = simulator.failed();
        } finally {
            simulator.stop();
        }
        assertThat(failed)
                .as("pushes answered other than error_code 0 (printed above)")
                .isZero();
        assertThat(simulator.applied()).isGreaterThanOrEqualTo(30);
    }

    /**
     * What OpenCPS's DVCQG integration does, configured as README "Speaking DVCQG" says: every call is a POST of JSON
     * to {@code adapter_url + auth_endpoint} or {@code adapter_url + integration_endpoint}; the login's
     * {@code error_code} read as an integer, then {@code session} and the configured {@code madonvi} in every body,
     * every value a string, {@code ""} for an absent date, no {@code KenhThucHien}; before each push a
     * {@code TraCuuHoSo} look-up whose non-empty {@code result} makes the push an update, and a {@code LayThuTuc} for
     * the procedure's name; progress one item at a time with the dossier's status after the step (OpenCPS's
     * {@code DVCQGIntegrationActionImpl}).
     */
    private static final class OpenCps {

        private final String adapterUrl;
        private final String authEndpoint;
        private final String integrationEndpoint;
        private final String madonvi;
        private final String username;
        private final String password;
        private String session;

        OpenCps(
                String adapterUrl,
                String authEndpoint,
                String integrationEndpoint,
                String madonvi,
                String username,
                String password) {
            this.adapterUrl = adapterUrl;
            this.authEndpoint = authEndpoint;
            this.integrationEndpoint = integrationEndpoint;
            this.madonvi = madonvi;
            this.username = username;
            this.password = password;
        }

        boolean logIn() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", password);
            HttpResponse<String> response = postJson(adapterUrl + authEndpoint, body);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode answer = JSON.readTree(response.body());
            assertThat(Integer.parseInt(answer.get("error_code").asString())).isZero();
            session = answer.get("session").asString();
            return !session.isEmpty();
        }

        /** A push: the {@code isUpdating} the look-up chose, and the answer. */
        record Pushed(String isUpdating, JsonNode answer) {}

        /** Looks the dossier up, then pushes its snapshot as OpenCPS builds it. */
        Pushed sync(String dossier, String status, String received, String due, String ended, String returned) {
            String isUpdating = exists(dossier) ? "True" : "False";
            String procedure = "9.000001.000.00.00.H99";
            // the procedure's name and domain, asked of the portal for each snapshot: blank when it answers none
            Map<String, Object> lookUp = envelope();
            lookUp.put("service", "LayThuTuc");
            lookUp.put("maTTHC", procedure);
            JsonNode procedures = call(lookUp).get("result");
            String name =
                    procedures.isEmpty() ? "" : procedures.get(0).get("TENTTHC").asString();
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("MaHoSo", dossier);
            snapshot.put("MaTTHC", procedure);
            snapshot.put("TenTTHC", name);
            snapshot.put("MaLinhVuc", "");
            snapshot.put("TenLinhVuc", "");
            snapshot.put("ChuHoSo", "Nguyễn Văn A");
            snapshot.put("LoaiDoiTuong", "1");
            snapshot.put("MaDoiTuong", "");
            snapshot.put("ThongTinKhac", "");
            snapshot.put("Email", "a@example.vn");
            snapshot.put("Fax", "0900000000");
            snapshot.put("SoDienThoai", "0900000000");
            snapshot.put("TrichYeuHoSo", "");
            snapshot.put("NgayTiepNhan", received);
            snapshot.put("NgayHenTra", due);
            snapshot.put("TrangThaiHoSo", status);
            snapshot.put("NgayTra", returned);
            snapshot.put("ThongTinTra", "");
            snapshot.put("HinhThuc", "0");
            snapshot.put("NgayKetThucXuLy", ended);
            snapshot.put("DonViXuLy", "UBND xã Một cửa");
            snapshot.put("GhiChu", "");
            for (String list : List.of(
                    "TaiLieuNop",
                    "DanhSachLePhi",
                    "DanhSachTepDinhKemKhac",
                    "DanhSachHoSoBoSung",
                    "DanhSachGiayToKetQua")) {
                snapshot.put(list, List.of());
            }
            Map<String, Object> body = envelope();
            body.put("isUpdating", isUpdating);
            body.put("data", List.of(snapshot));
            body.put("service", "DongBoHoSoMC");
            return new Pushed(isUpdating, call(body));
        }

        void progress(String dossier, String status, String at) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("MaHoSo", dossier);
            item.put("NguoiXuLy", "cán bộ một cửa");
            item.put("ChucDanh", "");
            item.put("ThoiDiemXuLy", at);
            item.put("PhongBanXuLy", "");
            item.put("NoiDungXuLy", "");
            item.put("TrangThai", status);
            item.put("NgayBatDau", "");
            item.put("NgayKetThucTheoQuyDinh", "");
            Map<String, Object> body = envelope();
            body.put("service", "CapNhatTienDoHoSoMC");
            body.put("data", List.of(item));
            call(body);
        }

        private boolean exists(String dossier) {
            Map<String, Object> body = envelope();
            body.put("service", "TraCuuHoSo");
            body.put("mahoso", dossier);
            JsonNode result = call(body).get("result");
            return result != null && result.isArray() && !result.isEmpty();
        }

        private Map<String, Object> envelope() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("session", session);
            body.put("madonvi", madonvi);
            return body;
        }

        /** A data call that must succeed: HTTP 200, {@code error_code} 0, "thành công". */
        private JsonNode call(Map<String, Object> body) {
            HttpResponse<String> response = postJson(adapterUrl + integrationEndpoint, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(Integer.parseInt(answer.get("error_code").asString()))
                    .as(response.body())
                    .isZero();
            assertThat(answer.get("message").asString()).contains("thành công");
            return answer;
        }

        private static HttpResponse<String> postJson(String url, Map<String, Object> body) {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }
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
