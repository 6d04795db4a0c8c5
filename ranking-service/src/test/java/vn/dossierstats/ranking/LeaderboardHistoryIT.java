package vn.dossierstats.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * History and publishing over the real broker and PostgreSQL: statistics become a leaderboard, late statistics
 * change it, the end-of-quarter snapshot is still served through {@code asOf}, and the leaderboard topic receives
 * each change. Its own topics and database: nothing is shared with the other tests of the JVM but the servers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ranking.history.interval=100ms", "ranking.publish-interval=100ms"})
class LeaderboardHistoryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX =
            "history-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String UNITS = PREFIX + ".units";
    private static final String STATS = PREFIX + ".stats";
    private static final String BOARDS = PREFIX + ".leaderboards";
    /** 23:59 local time on the last day of 2026-Q2. */
    private static final Instant BEFORE_QUARTER_END = Instant.parse("2026-06-30T16:59:00Z");

    private static final Instant QUARTER_END = Instant.parse("2026-06-30T17:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(BEFORE_QUARTER_END);
    private static final String Q2_KEY = "PROVINCE||2026-Q2|ON_TIME_RATE";

    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("history_it"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("ranking.topics.units", () -> UNITS);
        registry.add("ranking.topics.stats", () -> STATS);
        registry.add("ranking.topics.leaderboards", () -> BOARDS);
        registry.add("ranking.topic-partitions", () -> 2);
    }

    @BeforeAll
    static void sourceTopics() throws Exception {
        try (Admin admin = admin()) {
            Map<String, String> compact = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            admin.createTopics(Set.of(
                            new NewTopic(UNITS, 1, (short) 1).configs(compact),
                            new NewTopic(STATS, 2, (short) 1).configs(compact)))
                    .all()
                    .get();
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        for (String code : List.of("01", "33", "38")) {
            send(
                    UNITS,
                    code,
                    "{\"code\":\"%s\",\"name\":\"Tỉnh %s\",\"level\":\"PROVINCE\",\"parentCode\":null}"
                            .formatted(code, code));
        }
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void theEndOfQuarterSnapshotIsStillServedAfterLateStatisticsChangeTheLiveLeaderboard() throws Exception {
        // the last minute of the quarter: 01 ahead of 33
        stats("01", "2026-Q2", 90, 10);
        stats("33", "2026-Q2", 80, 20);
        String q2 = "/api/v1/leaderboards?level=PROVINCE&period=2026-Q2";
        awaitCodes(q2, List.of("01", "33"));
        awaitCodes(q2 + "&asOf=" + encode("2026-06-30T23:59:00+07:00"), List.of("01", "33"));

        // the next morning, late statistics of the quarter put 33 first
        CLOCK.set(Instant.parse("2026-07-01T02:00:00Z"));
        stats("33", "2026-Q2", 99, 1);
        awaitCodes(q2, List.of("33", "01"));
        awaitCodes(q2 + "&asOf=" + encode("2026-07-01T09:00:00+07:00"), List.of("33", "01"));

        HttpResponse<String> asItStood = get(q2 + "&asOf=" + encode("2026-07-01T00:00:00+07:00"));
        JsonNode endOfQuarter = json(asItStood);
        // history is tagged like the live leaderboard: a client holding it gets a 304
        String etag = asItStood.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> held = get(q2 + "&asOf=" + encode("2026-07-01T00:00:00+07:00"), etag);
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.headers().firstValue("Cache-Control")).isPresent();
        assertThat(codes(endOfQuarter)).containsExactly("01", "33");
        assertThat(endOfQuarter.get("entries").get(0).get("value").asDouble()).isEqualTo(0.9);
        assertThat(endOfQuarter.get("asOf").asString()).endsWith("+07:00");
        assertThat(OffsetDateTime.parse(endOfQuarter.get("asOf").asString()).toInstant())
                .isEqualTo(QUARTER_END);
        assertThat(codes(json(get(q2 + "&asOf=" + QUARTER_END + "&limit=1")))).containsExactly("01");
        // an unencoded '+' arrives as a space: still the instant it meant
        assertThat(codes(json(get(q2 + "&asOf=2026-07-01T00:00:00%2007:00")))).containsExactly("01", "33");

        HttpResponse<String> beforeAny = get(q2 + "&asOf=" + encode("2026-06-30T23:00:00+07:00"));
        assertThat(beforeAny.statusCode()).isEqualTo(404);
        assertThat(beforeAny.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(beforeAny).get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void theLeaderboardTopicIsCompactedAndReceivesEachChange() throws Exception {
        try (Admin admin = admin()) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, BOARDS);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            admin.describeConfigs(Set.of(resource))
                                    .all()
                                    .get()
                                    .get(resource)
                                    .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                                    .value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                PREFIX + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(BOARDS));
            stats("38", "2026-Q1", 30, 0);
            awaitRecord(consumer, received, "PROVINCE||2026-Q1|ON_TIME_RATE", List.of("38"));
            stats("01", "2026-Q1", 40, 0);
            JsonNode changed = awaitRecord(consumer, received, "PROVINCE||2026-Q1|ON_TIME_RATE", List.of("01", "38"));
            assertThat(changed.get("entries").get(1).get("rank").asInt()).isEqualTo(1);
            assertThat(changed.get("unranked").get(0).get("unitCode").asString())
                    .isEqualTo("33");
            assertThat(changed.get("asOf").asString()).endsWith("Z");

            // a burst of statistics is coalesced: fewer records and snapshots than changes, the last one wins
            int burst = 40;
            for (int i = 1; i <= burst; i++) {
                producer.send(new ProducerRecord<>(STATS, "33|2026-Q1", statsJson("33", "2026-Q1", 20 + i, 20)));
            }
            producer.flush();
            long before = recordsOf(received, "PROVINCE||2026-Q1|ON_TIME_RATE");
            // the last of the burst: 60 on time of 80
            JsonNode last = awaitRecord(
                    consumer,
                    received,
                    "PROVINCE||2026-Q1|ON_TIME_RATE",
                    board -> codes(board).equals(List.of("01", "38", "33"))
                            && board.get("entries").get(2).get("value").asDouble() == 0.75);
            assertThat(last.get("entries").get(2).get("volume").asLong()).isEqualTo(80);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> snapshotsOf("PROVINCE||2026-Q1|ON_TIME_RATE")
                    .getLast()
                    .contains("\"value\":0.75"));
            assertThat(recordsOf(received, "PROVINCE||2026-Q1|ON_TIME_RATE") - before)
                    .isLessThan(burst);
            assertThat(snapshotsOf("PROVINCE||2026-Q1|ON_TIME_RATE").size()).isLessThan(burst);
        }
    }

    private static long recordsOf(List<ConsumerRecord<String, String>> received, String key) {
        return received.stream().filter(r -> r.key().equals(key)).count();
    }

    private List<String> snapshotsOf(String key) {
        return jdbc.queryForList(
                "select content from leaderboard_snapshot where board_key = ? order by taken_at", String.class, key);
    }

    private static JsonNode awaitRecord(
            KafkaConsumer<String, String> consumer,
            List<ConsumerRecord<String, String>> received,
            String key,
            List<String> codes) {
        return awaitRecord(consumer, received, key, board -> codes(board).equals(codes));
    }

    /** The latest record of the key, once it satisfies the condition. */
    private static JsonNode awaitRecord(
            KafkaConsumer<String, String> consumer,
            List<ConsumerRecord<String, String>> received,
            String key,
            Predicate<JsonNode> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            return received.stream()
                    .filter(r -> r.key().equals(key))
                    .reduce((a, b) -> b)
                    .map(r -> condition.test(JSON.readTree(r.value())))
                    .orElse(false);
        });
        return JSON.readTree(received.stream()
                .filter(r -> r.key().equals(key))
                .reduce((a, b) -> b)
                .orElseThrow()
                .value());
    }

    private void awaitCodes(String path, List<String> codes) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(codes(json(response))).isEqualTo(codes);
        });
    }

    private static List<String> codes(JsonNode board) {
        List<String> codes = new ArrayList<>();
        board.get("entries").forEach(e -> codes.add(e.get("unitCode").asString()));
        return codes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
    }

    private static void stats(String unit, String period, long onTime, long late) {
        send(STATS, unit + "|" + period, statsJson(unit, period, onTime, late));
    }

    /** Counts where everything received in the period ended. */
    private static String statsJson(String unit, String period, long onTime, long late) {
        long received = onTime + late;
        return """
                {"unitCode":"%s","period":"%s","counts":{"carriedOver":0,"receivedNew":%d,"online":0,"direct":%d,
                "postal":0,"early":0,"onTime":%d,"late":%d,"withinDeadline":0,"overdue":0,"digitized":0,
                "feeRequired":0,"paidOnline":0},"updatedAt":"2026-07-01T00:00:00Z","lastAcceptedAt":null}""".formatted(unit, period, received, received, onTime, late);
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
