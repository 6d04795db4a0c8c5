package vn.dossierstats.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From catalogue and statistics records on a real broker to leaderboards over HTTP. The service starts before its
 * source topics exist (as when it starts before its writers): it waits, not ready, then rebuilds from them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeaderboardIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;
    private static Integer readinessBeforeTopics;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("leaderboard_it"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @BeforeEach
    void topicsAppearAfterTheServiceStarted() throws Exception {
        if (producer != null) {
            return;
        }
        readinessBeforeTopics = get("/actuator/health/readiness").statusCode();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            // declared by their writers in production; compacted like theirs
            Map<String, String> compact = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            admin.createTopics(Set.of(
                            new NewTopic("catalogue.units.v1", 2, (short) 1).configs(compact),
                            new NewTopic("unit.stats.v1", 3, (short) 1).configs(compact)))
                    .all()
                    .get();
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        unit("01", "Thành phố Hà Nội", "PROVINCE", null);
        unit("33", "Tỉnh Hưng Yên", "PROVINCE", null);
        unit("38", "Tỉnh Thanh Hóa", "PROVINCE", null);
        unit("42", "Tỉnh Hà Tĩnh", "PROVINCE", null);
        unit("44", "Tỉnh Quảng Trị", "PROVINCE", null);
        unit("33.D1", "Sở Tư pháp", "DEPARTMENT", "33");
        unit("33.001", "Xã A", "COMMUNE", "33");
        unit("33.002", "Xã B", "COMMUNE", "33");
        unit("38.001", "Xã C", "COMMUNE", "38");
        stats("01", "2026-06", 10, 0, 30); // 0.25 in June: second
        stats("33", "2026-06", 40, 0, 10); // 0.8: first
        stats("01", "2026-07", 90, 0, 10); // 0.9
        stats("33", "2026-07", 30, 0, 10); // 0.75
        stats("38", "2026-07", 60, 0, 20); // 0.75 with a larger volume: ahead of 33 in the tie
        stats("42", "2026-07", 3, 0, 0); // 1.0 but only 3: unranked
        stats("33.001", "2026-07", 20, 5, 0);
        stats("33.002", "2026-07", 10, 10, 5);
        stats("38.001", "2026-07", 50, 0, 0);
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void theApiDocsDescribeTheLeaderboardAndItsStream() {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.get("paths").propertyNames())
                .containsExactlyInAnyOrder("/api/v1/leaderboards", "/api/v1/leaderboards/stream");
        assertThat(doc.at("/paths/~1api~1v1~1leaderboards/get/parameters").toString())
                .contains("\"level\"", "\"period\"", "\"indicator\"", "\"limit\"");
        // served as prepared bytes, still described as the leaderboard; a 304 has no body
        JsonNode responses = doc.at("/paths/~1api~1v1~1leaderboards/get/responses");
        assertThat(responses.at("/200/content/application~1json/schema/$ref").asString())
                .endsWith("/LeaderboardView");
        assertThat(responses.at("/304/content").isMissingNode()).isTrue();
    }

    @Test
    void theServiceIsNotReadyUntilItsSourceTopicsAreRead() {
        assertThat(readinessBeforeTopics).isEqualTo(503);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    @Test
    void provincesAreRankedWithTiesUnrankedAndMovement() {
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        assertThat(codes(board.get("entries"))).containsExactly("01", "38", "33");
        assertThat(board.get("entries")).extracting(e -> e.get("rank").asInt()).containsExactly(1, 2, 2);
        JsonNode first = board.get("entries").get(0);
        assertThat(first.get("value").asDouble()).isEqualTo(0.9);
        assertThat(first.get("volume").asLong()).isEqualTo(100);
        assertThat(first.get("unitName").asString()).isEqualTo("Thành phố Hà Nội");
        assertThat(first.get("previousRank").asInt()).isEqualTo(2);
        assertThat(first.get("movement").asInt()).isEqualTo(1);
        assertThat(board.get("entries").get(2).get("movement").asInt()).isEqualTo(-1);
        assertThat(board.get("entries").get(1).get("previousRank").isNull()).isTrue();
        assertThat(board.get("entries").get(1).get("movement").isNull()).isTrue();
        // complete: 42 under the minimum volume, 44 without any data
        assertThat(codes(board.get("unranked"))).containsExactly("42", "44");
        JsonNode few = board.get("unranked").get(0);
        assertThat(few.get("reason").asString()).isEqualTo("INSUFFICIENT_VOLUME");
        assertThat(few.get("value").asDouble()).isEqualTo(1.0);
        assertThat(few.get("volume").asLong()).isEqualTo(3);
        assertThat(board.get("unranked").get(1).get("value").isNull()).isTrue();
        assertThat(board.get("level").asString()).isEqualTo("PROVINCE");
        assertThat(board.get("parent").isNull()).isTrue();
        assertThat(board.get("period").asString()).isEqualTo("2026-07");
        assertThat(board.get("indicator").asString()).isEqualTo("ON_TIME_RATE");
        assertThat(board.get("minVolume").asInt()).isEqualTo(20);
        assertThat(board.get("asOf").asString()).endsWith("+07:00");
    }

    @Test
    void aLimitShortensTheEntriesNotTheUnranked() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        JsonNode board = json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&limit=1"));
        assertThat(codes(board.get("entries"))).containsExactly("01");
        assertThat(codes(board.get("unranked"))).containsExactly("42", "44");
    }

    @Test
    void aParentScopesTheRankingToItsDescendants() {
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=COMMUNE&parent=33&period=2026-07", 2);
        assertThat(codes(board.get("entries"))).containsExactly("33.001", "33.002");
        assertThat(board.get("parent").asString()).isEqualTo("33");
        JsonNode departments = json(get("/api/v1/leaderboards?level=DEPARTMENT&parent=33&period=2026-07"));
        assertThat(codes(departments.get("entries"))).isEmpty();
        assertThat(codes(departments.get("unranked"))).containsExactly("33.D1");
        JsonNode nationwide = awaitBoard("/api/v1/leaderboards?level=COMMUNE&period=2026-07", 3);
        assertThat(codes(nationwide.get("entries"))).containsExactly("38.001", "33.001", "33.002");
    }

    @Test
    void newStatisticsChangeTheRanks() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-Q1", 0);
        stats("33", "2026-Q1", 99, 0, 1);
        stats("01", "2026-Q1", 50, 0, 50);
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-Q1", 2);
        assertThat(codes(board.get("entries"))).containsExactly("33", "01");
        double updatesBefore = updates();

        stats("01", "2026-Q1", 100, 0, 0);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode changed = json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-Q1"));
            assertThat(codes(changed.get("entries"))).containsExactly("01", "33");
            assertThat(changed.get("entries").get(0).get("value").asDouble()).isEqualTo(1.0);
        });
        assertThat(updates()).isGreaterThan(updatesBefore);
    }

    @Test
    void otherIndicatorsRankByTheirOwnFigures() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        JsonNode progress = json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&indicator=PROGRESS_SCORE"));
        // everything received ended: progress = 20 × on time share; 42 has 3 received only
        assertThat(codes(progress.get("entries"))).containsExactly("01", "38", "33");
        assertThat(progress.get("entries").get(0).get("value").asDouble()).isEqualTo(18.0);
        JsonNode online = json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&indicator=ONLINE_SHARE"));
        assertThat(online.get("entries").get(0).get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theNationalIndexRanksOverHttpAndOnTheStream() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        // by hand, from counts written before the index's own (read as 0): 01 progress 20 × 90/100 = 18, online 50 %
        // → 6, electronic 0, digitised 0, S = 0.9 → 6: 30; 38 and 33: 15 + 6 + 0 + 0 + 6 × 0.75 / 0.9 = 26, tied,
        // 38 first by volume (80 against 40); 42 has 3 dossiers: unranked
        JsonNode index = json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&indicator=INDEX_766"));
        assertThat(index.get("indicator").asString()).isEqualTo("INDEX_766");
        assertThat(codes(index.get("entries"))).containsExactly("01", "38", "33");
        assertThat(index.get("entries").get(0).get("value").asDouble()).isEqualTo(30.0);
        assertThat(index.get("entries").get(1).get("value").asDouble()).isEqualTo(26.0);
        assertThat(index.get("entries").get(2).get("rank").asInt()).isEqualTo(2);
        assertThat(index.get("entries").get(1).get("volume").asLong()).isEqualTo(80);
        assertThat(codes(index.get("unranked"))).contains("42");
        JsonNode satisfaction =
                json(get("/api/v1/leaderboards?level=PROVINCE&period=2026-07&indicator=INDEX_766_SATISFACTION"));
        assertThat(satisfaction.get("entries").get(1).get("value").asDouble()).isEqualTo(5.0);

        JsonNode onConnect = JSON.readTree(firstStreamData(
                "/api/v1/leaderboards/stream?level=PROVINCE&period=2026-07&indicator=INDEX_766_PROGRESS"));
        assertThat(onConnect.get("indicator").asString()).isEqualTo("INDEX_766_PROGRESS");
        assertThat(codes(onConnect.get("entries"))).containsExactly("01", "38", "33");
    }

    /** The first {@code data:} of a Server-Sent Events stream (the leaderboard sent on connect). */
    private String firstStreamData(String path) {
        List<String> data = new CopyOnWriteArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                            @Override
                            public void onSubscribe(Flow.Subscription s) {
                                subscription.set(s);
                                s.request(Long.MAX_VALUE);
                            }

                            @Override
                            public void onNext(String line) {
                                if (line.startsWith("data:")) {
                                    data.add(line.substring(5));
                                }
                            }

                            @Override
                            public void onError(Throwable throwable) {}

                            @Override
                            public void onComplete() {}
                        }));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !data.isEmpty());
            return data.getFirst();
        } finally {
            if (subscription.get() != null) {
                subscription.get().cancel();
            }
        }
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String query : List.of(
                "level=TOWN",
                "indicator=SPEED",
                "period=2026-13",
                "period=2026-02-30",
                "period=2999-01",
                "period=0000",
                "limit=0",
                "limit=x",
                "limit=1001",
                "asOf=2026-07-01",
                "asOf=yesterday",
                "asOf=2999-01-01T00:00:00Z")) {
            HttpResponse<String> response = get("/api/v1/leaderboards?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            String field = query.substring(0, query.indexOf('='));
            assertThat(json(response).get("type").asString()).as(query).isEqualTo("about:blank");
            assertThat(json(response).get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(field);
        }
        HttpResponse<String> unknownParent = get("/api/v1/leaderboards?parent=nope");
        assertThat(unknownParent.statusCode()).isEqualTo(404);
        assertThat(unknownParent.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(json(unknownParent).get("errors").get(0).get("field").asString())
                .isEqualTo("parent");
        HttpResponse<String> beforeHistory =
                get("/api/v1/leaderboards?period=2026-07&asOf=2000-01-01T00:00:00%2B07:00");
        assertThat(beforeHistory.statusCode()).isEqualTo(404);
        assertThat(json(beforeHistory).get("errors").get(0).get("field").asString())
                .isEqualTo("asOf");
        assertThat(get("/api/v1/leaderboards?limit=1000").statusCode()).isEqualTo(200);
    }

    /**
     * Reached without the gateway (inside the cluster), a query Tomcat cannot read is the caller's fault: a name or
     * value that is not UTF-8 once percent-decoded, a value without a name, more parameters than the container reads.
     */
    @Test
    void aQueryThatCannotBeReadIsAProblemNotAFailure() {
        for (String query : List.of(
                "level=%ED%A0%80",
                "level=PROVINCE&x=%FF",
                "period=%C0%AE",
                "%FF=PROVINCE",
                "=PROVINCE",
                "x&".repeat(1001) + "level=PROVINCE")) {
            for (String path : List.of("/api/v1/leaderboards?", "/api/v1/leaderboards/stream?")) {
                HttpResponse<String> response = get(path + query);

                assertThat(response.statusCode()).as(path + query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(response.body()).contains("\"status\":400").doesNotContain("Parameter [", "Exception");
            }
        }
    }

    /**
     * Headers the container or Spring MVC cannot read are the caller's fault too, and every refusal has its problem
     * body: an Accept-Language of more languages than Tomcat reads, an Accept that cannot be parsed or lists no JSON.
     */
    @Test
    void aHeaderThatCannotBeReadIsAProblemNotAFailure() throws Exception {
        for (var request : List.of(
                Map.entry("/api/v1/leaderboards?period=2025|Accept-Language|a,b,c,d,e,f,g,h,i,j,k", 400),
                Map.entry("/api/v1/leaderboards?period=2025|Accept|a/b/c", 406),
                Map.entry("/api/v1/leaderboards?period=2025|Accept|text/html", 406),
                Map.entry("/api/v1/leaderboards/stream?level=GALAXY|Accept|application/json", 406),
                Map.entry("/api/v1/leaderboards/nope|Accept|;;;", 404))) {
            String[] target = request.getKey().split("\\|");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + target[0]))
                                    .header(target[1], target[2])
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(request.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(request.getKey())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":" + request.getValue());
        }
    }

    @Test
    void theDefaultsAreProvincesThisMonthOnTimeRate() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        JsonNode board = json(get("/api/v1/leaderboards"));
        assertThat(board.get("level").asString()).isEqualTo("PROVINCE");
        assertThat(board.get("indicator").asString()).isEqualTo("ON_TIME_RATE");
        assertThat(board.get("period").asString()).matches("\\d{4}-\\d{2}");
        assertThat(board.get("unranked").size() + board.get("entries").size()).isEqualTo(5);
    }

    @Test
    void theStreamSendsTheLeaderboardOnConnectAndAfterEachChange() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        List<String> data = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/leaderboards/stream?level=PROVINCE&period=2026-Q2"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                            @Override
                            public void onSubscribe(Flow.Subscription s) {
                                subscription.set(s);
                                s.request(Long.MAX_VALUE);
                            }

                            @Override
                            public void onNext(String line) {
                                if (line.startsWith("data:")) {
                                    data.add(line.substring(5));
                                } else if (line.startsWith("event:")) {
                                    events.add(line.substring(6));
                                }
                            }

                            @Override
                            public void onError(Throwable throwable) {}

                            @Override
                            public void onComplete() {}
                        }));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !data.isEmpty());
            JsonNode onConnect = JSON.readTree(data.getFirst());
            assertThat(onConnect.get("period").asString()).isEqualTo("2026-Q2");
            assertThat(onConnect.get("entries").size()).isZero();
            assertThat(onConnect.get("unranked").size()).isEqualTo(5);
            assertThat(events.getFirst()).isEqualTo("leaderboard");

            stats("38", "2026-Q2", 30, 0, 0);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> codes(
                            JSON.readTree(data.getLast()).get("entries"))
                    .equals(List.of("38")));
            stats("01", "2026-Q2", 40, 0, 0);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> codes(
                            JSON.readTree(data.getLast()).get("entries"))
                    .equals(List.of("01", "38")));
            assertThat(JSON.readTree(data.getLast())
                            .get("entries")
                            .get(1)
                            .get("rank")
                            .asInt())
                    .isEqualTo(1);
        } finally {
            if (subscription.get() != null) {
                subscription.get().cancel();
            }
        }
    }

    @Test
    void aLeaderboardIsTaggedAndANotModifiedAnswersAClientHoldingItUntilItsFiguresMove() {
        String path = "/api/v1/leaderboards?level=PROVINCE&period=2026-08";
        stats("01", "2026-08", 30, 0, 0);
        stats("33", "2026-08", 10, 0, 20);
        awaitBoard(path, 2);
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("a strong tag").matches("\"[^\"]+\"");
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=0, must-revalidate");
        assertThat(codes(json(first).get("entries"))).containsExactly("01", "33");

        HttpResponse<String> held = get(path, etag);
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.body()).isEmpty();
        assertThat(held.headers().firstValue("ETag")).contains(etag);
        assertThat(held.headers().firstValue("Cache-Control")).contains("public, max-age=0, must-revalidate");
        assertThat(get(path, "\"something-else\"").statusCode()).isEqualTo(200);

        stats("33", "2026-08", 40, 0, 0);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> changed = get(path, etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            assertThat(codes(json(changed).get("entries"))).containsExactly("33", "01");
            assertThat(json(changed).get("entries").get(0).get("value").asDouble())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void aStreamOfABadLeaderboardIsAProblem() {
        HttpResponse<String> response = get("/api/v1/leaderboards/stream?indicator=SPEED");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("indicator");
    }

    private double updates() {
        JsonNode metric = json(get("/actuator/metrics/ranking.leaderboard.updates"));
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private JsonNode awaitBoard(String path, int entries) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 && json(response).get("entries").size() == entries;
        });
        return json(get(path));
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(e -> codes.add(e.get("unitCode").asString()));
        return codes;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        return get(path, null);
    }

    /** @param ifNoneMatch the entity tag the client holds, or null */
    private HttpResponse<String> get(String path, String ifNoneMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10));
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unit(String code, String name, String level, String parent) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("code", code);
        record.put("name", name);
        record.put("level", level);
        record.put("parentCode", parent);
        send("catalogue.units.v1", code, JSON.writeValueAsString(record));
    }

    /** Counts where everything received in the period ended, half of it online. */
    private static void stats(String unit, String period, long early, long onTime, long late) {
        long received = early + onTime + late;
        send("unit.stats.v1", unit + "|" + period, """
                {"unitCode":"%s","period":"%s","counts":{"carriedOver":0,"receivedNew":%d,"online":%d,"direct":%d,
                "postal":0,"early":%d,"onTime":%d,"late":%d,"withinDeadline":0,"overdue":0,"digitized":0,
                "feeRequired":0,"paidOnline":0},"updatedAt":"2026-07-20T00:00:00Z","lastAcceptedAt":null}""".formatted(
                        unit, period, received, received / 2, received - received / 2, early, onTime, late));
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
