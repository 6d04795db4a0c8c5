package vn.dossierstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.stream.StatisticsEngine;

/** The service on a real KRaft broker: facts in, reports out over HTTP; a crash mid-flow loses and doubles nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    static {
        KAFKA.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        KAFKA.afterPropertiesSet();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            // declared by dossier-service in production
            admin.createTopics(Set.of(
                            new NewTopic("dossier.facts.v1", 2, (short) 1),
                            new NewTopic("catalogue.units.v1", 2, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StatisticsEngine engine;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
        registry.add("metrics.state-dir", () -> {
            try {
                return Files.createTempDirectory("metrics-it").toString();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        registry.add("metrics.application-id", () -> "metrics-it-" + System.nanoTime());
        registry.add("metrics.topic-partitions", () -> 2);
    }

    @BeforeAll
    static void catalogue() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        send(
                "catalogue.units.v1",
                "33",
                "{\"code\":\"33\",\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\",\"parentCode\":null}");
        send(
                "catalogue.units.v1",
                "33.001",
                "{\"code\":\"33.001\",\"name\":\"Xã A\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        send(
                "catalogue.units.v1",
                "33.002",
                "{\"code\":\"33.002\",\"name\":\"Xã B\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aResolvedDossierIsCountedForTheCommuneAndTheProvinceWithinASecond() throws Exception {
        String today = LocalDate.now(ZONE).toString();
        Instant received = Instant.now().minusSeconds(3600);
        send("dossier.facts.v1", "IT-1", fact("IT-1", 1, "33.002", received, null, null));
        send(
                "dossier.facts.v1",
                "IT-1",
                fact("IT-1", 2, "33.002", received, Instant.now().minusSeconds(60), "ON_TIME"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode commune = get("/api/v1/stats/units/33.002?period=" + today);
            assertThat(commune.get("ended").get("onTime").asLong()).isEqualTo(1);
            assertThat(commune.get("received").get("new").asLong()).isEqualTo(1);
            assertThat(commune.get("onTimeRate").asDouble()).isEqualTo(1.0);
        });
        JsonNode children = get("/api/v1/stats/units/33/children?period=" + today);
        assertThat(children.get("children")).hasSize(2);
        assertThat(children.get("children").get(1).get("unitCode").asString()).isEqualTo("33.002");
        JsonNode series = get("/api/v1/stats/units/33.002/series?granularity=day&from=" + today + "&to=" + today);
        assertThat(series.get("points")).hasSize(1);
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(engine::isProcessing);
        assertThat(status("/api/v1/stats/units/nope")).isEqualTo(404);
        assertThat(status("/api/v1/stats/units/33?period=2026-13")).isEqualTo(400);
        assertThat(status("/api/v1/stats/units/33?period=2999")).isEqualTo(400);
    }

    @Test
    void aCrashWhileFactsFlowLosesNothingAndCountsNothingTwice() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(engine::isProcessing);
        String today = LocalDate.now(ZONE).toString();
        Instant received = Instant.now().minusSeconds(7200);
        int dossiers = 300;
        for (int i = 0; i < dossiers; i++) {
            send("dossier.facts.v1", "C-" + i, fact("C-" + i, 1, "33.001", received, null, null));
            if (i == dossiers / 2) {
                engine.stop(); // the stream thread dies mid-flow, uncommitted work is aborted
                engine.start();
            }
            send(
                    "dossier.facts.v1",
                    "C-" + i,
                    fact(
                            "C-" + i,
                            2,
                            "33.001",
                            received,
                            Instant.now().minusSeconds(5),
                            i % 3 == 0 ? "LATE" : "EARLY"));
            send("dossier.facts.v1", "C-" + i, fact("C-" + i, 1, "33.001", received, null, null)); // stale redelivery
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode commune = get("/api/v1/stats/units/33.001?period=" + today);
            assertThat(commune.get("received").get("new").asLong()).isEqualTo(dossiers);
            assertThat(commune.get("ended").get("late").asLong()).isEqualTo(100);
            assertThat(commune.get("ended").get("early").asLong()).isEqualTo(200);
            assertThat(commune.get("inProgress").get("total").asLong()).isZero();
        });
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fact(
            String id, long sequence, String unit, Instant received, Instant ended, String classification) {
        return """
                {"dossierId":"%s","sequence":%d,"acceptedAt":"%s","unitCode":"%s","unitPath":["33","%s"],
                 "channel":"DIRECT","status":"%s","receivedAt":"%s","dueAt":"%s","overdueSince":null,
                 "endedAt":%s,"classification":%s,"digitized":false,"feeRequired":false,"paidOnlineAt":null}""".formatted(
                        id,
                        sequence,
                        Instant.now(),
                        unit,
                        unit,
                        ended == null ? "OPEN" : "RESOLVED",
                        received,
                        received.plusSeconds(86400 * 3),
                        ended == null ? "null" : "\"" + ended + "\"",
                        classification == null ? "null" : "\"" + classification + "\"");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return response.statusCode();
    }
}
