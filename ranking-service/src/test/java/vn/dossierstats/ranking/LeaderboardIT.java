package vn.dossierstats.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** From catalogue and statistics records on a real broker to leaderboards over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeaderboardIT {

    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    static {
        KAFKA.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        KAFKA.afterPropertiesSet();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            // declared by their writers in production
            admin.createTopics(Set.of(
                            new NewTopic("catalogue.units.v1", 2, (short) 1),
                            new NewTopic("unit.stats.v1", 2, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @BeforeAll
    static void data() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        unit("01", "Thành phố Hà Nội", "PROVINCE", null);
        unit("33", "Tỉnh Hưng Yên", "PROVINCE", null);
        unit("38", "Tỉnh Thanh Hóa", "PROVINCE", null);
        unit("42", "Tỉnh Hà Tĩnh", "PROVINCE", null);
        unit("33.001", "Xã A", "COMMUNE", "33");
        unit("33.002", "Xã B", "COMMUNE", "33");
        unit("38.001", "Xã C", "COMMUNE", "38");
        stats("01", "2026-06", 10, 0, 30); // 0.25 in June
        stats("33", "2026-06", 40, 0, 10); // 0.8
        stats("01", "2026-07", 90, 0, 10); // 0.9
        stats("33", "2026-07", 30, 0, 10); // 0.75
        stats("38", "2026-07", 60, 0, 20); // 0.75, larger volume: ahead of 33 in the tie
        stats("42", "2026-07", 3, 0, 0); // 1.0 but only 3: unranked
        stats("33.001", "2026-07", 20, 5, 0);
        stats("33.002", "2026-07", 10, 10, 5);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void provincesAreRankedWithTiesUnrankedAndMovement() {
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-07", 3);
        assertThat(board.get("entries"))
                .extracting(e -> e.get("unitCode").asString())
                .containsExactly("01", "38", "33");
        assertThat(board.get("entries")).extracting(e -> e.get("rank").asInt()).containsExactly(1, 2, 2);
        assertThat(board.get("entries").get(0).get("value").asDouble()).isEqualTo(0.9);
        assertThat(board.get("entries").get(0).get("unitName").asString()).isEqualTo("Thành phố Hà Nội");
        assertThat(board.get("entries").get(0).get("previousRank").asInt()).isEqualTo(2);
        assertThat(board.get("entries").get(0).get("movement").asInt()).isEqualTo(1);
        assertThat(board.get("entries").get(2).get("movement").asInt()).isEqualTo(-1);
        assertThat(board.get("unranked"))
                .extracting(e -> e.get("unitCode").asString())
                .containsExactly("42");
        assertThat(board.get("minVolume").asInt()).isEqualTo(20);
    }

    @Test
    void aParentScopesTheRankingToItsDescendants() {
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=COMMUNE&parent=33&period=2026-07", 2);
        assertThat(board.get("entries"))
                .extracting(e -> e.get("unitCode").asString())
                .containsExactly("33.001", "33.002");
        assertThat(board.get("parent").asString()).isEqualTo("33");
    }

    @Test
    void newStatisticsChangeTheRanks() {
        awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-Q3&indicator=ON_TIME_RATE", 0);
        stats("33", "2026-Q3", 99, 0, 1);
        stats("01", "2026-Q3", 50, 0, 50);
        JsonNode board = awaitBoard("/api/v1/leaderboards?level=PROVINCE&period=2026-Q3", 2);
        assertThat(board.get("entries").get(0).get("unitCode").asString()).isEqualTo("33");
        stats("01", "2026-Q3", 100, 0, 0);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        get("/api/v1/leaderboards?level=PROVINCE&period=2026-Q3")
                                .body())
                .contains("\"rank\":1,\"unitCode\":\"01\""));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        assertThat(get("/api/v1/leaderboards?level=TOWN").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/leaderboards?indicator=SPEED").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/leaderboards?period=2026-13").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/leaderboards?limit=0").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownParent = get("/api/v1/leaderboards?parent=nope");
        assertThat(unknownParent.statusCode()).isEqualTo(404);
        assertThat(unknownParent.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }

    @Test
    void readsTheGoldenUnitStatsOfMetricsService() throws Exception {
        var stats = JSON.readValue(
                Files.readString(Path.of("../metrics-service/src/test/resources/contracts/unit-stats.json")),
                vn.dossierstats.ranking.feed.UnitStats.class);
        assertThat(stats.counts().early()).isEqualTo(50);
        assertThat(stats.counts().carriedOver()).isEqualTo(10);
    }

    private JsonNode awaitBoard(String path, int entries) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200
                    && JSON.readTree(response.body()).get("entries").size() == entries;
        });
        return JSON.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unit(String code, String name, String level, String parent) {
        send(
                "catalogue.units.v1",
                code,
                JSON.writeValueAsString(Map.of(
                                "code", code, "name", name, "level", level, "parentCode", parent == null ? "" : parent))
                        .replace("\"parentCode\":\"\"", "\"parentCode\":null"));
    }

    private static void stats(String unit, String period, long early, long onTime, long late) {
        send("unit.stats.v1", unit + "|" + period, """
                {"unitCode":"%s","period":"%s","counts":{"carriedOver":0,"receivedNew":%d,"online":0,"direct":0,
                "postal":0,"early":%d,"onTime":%d,"late":%d,"withinDeadline":0,"overdue":0,"digitized":0,
                "feeRequired":0,"paidOnline":0},"updatedAt":"2026-07-20T00:00:00Z","lastAcceptedAt":null}""".formatted(
                        unit, period, early + onTime + late, early, onTime, late));
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
