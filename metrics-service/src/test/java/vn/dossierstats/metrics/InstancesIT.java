package vn.dossierstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dossierstats.metrics.stream.StatisticsEngine;

/**
 * Two instances of the service in one consumer group, each holding the buckets of its share of the units: either
 * answers for every unit (asking the other where needed), with the same figures, and when one goes the other answers
 * for all of them.
 */
class InstancesIT {

    private static final String PERIOD = "2020-03";
    private static final List<String> PROVINCES = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");
    /** The bound this test states for the survivor to answer for every unit once the other has left. */
    private static final Duration TAKEOVER = Duration.ofSeconds(60);

    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 4);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Dossiers received per unit, counted by the test as it sends them: the expected figures. */
    private static final Map<String, Long> RECEIVED = new HashMap<>();

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        KAFKA.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        KAFKA.afterPropertiesSet();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            admin.createTopics(Set.of(
                            new NewTopic("dossier.facts.v1", 4, (short) 1),
                            new NewTopic("catalogue.units.v1", 1, (short) 1),
                            new NewTopic("catalogue.procedures.v1", 1, (short) 1),
                            new NewTopic("catalogue.unit-procedures.v1", 1, (short) 1)))
                    .all()
                    .get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            int dossier = 0;
            for (String province : PROVINCES) {
                producer.send(new ProducerRecord<>("catalogue.units.v1", province, unit(province, null)));
                for (String commune : List.of(province + ".1", province + ".2")) {
                    producer.send(new ProducerRecord<>("catalogue.units.v1", commune, unit(commune, province)));
                    int count = 1 + Math.floorMod(commune.hashCode(), 5);
                    for (int i = 0; i < count; i++) {
                        String id = "D" + dossier++;
                        producer.send(new ProducerRecord<>("dossier.facts.v1", id, fact(id, province, commune, i)));
                        RECEIVED.merge(province, 1L, Long::sum);
                        RECEIVED.merge(commune, 1L, Long::sum);
                    }
                }
            }
            producer.flush();
        }
        String applicationId = "metrics-instances-it-" + System.nanoTime();
        first = instance(applicationId);
        second = instance(applicationId);
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> engine(first).isProcessing() && engine(second).isProcessing());
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        KAFKA.destroy();
    }

    @Test
    void eitherInstanceAnswersForEveryUnitWithTheSameFiguresAndTheSurvivorForAllOnceOneLeaves() throws Exception {
        // the group has split the units: each instance holds some and asks the other for the rest
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> holdsSome(first) && holdsSome(second));
        Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            for (String unit : RECEIVED.keySet()) {
                JsonNode fromFirst = report(first, unit);
                JsonNode fromSecond = report(second, unit);
                assertThat(fromFirst.path("received").path("new").asLong())
                        .as(unit)
                        .isEqualTo(RECEIVED.get(unit));
                assertThat(withoutAsOf(fromFirst)).as(unit).isEqualTo(withoutAsOf(fromSecond));
            }
        });
        for (String province : PROVINCES) {
            List<Long> fromFirst = childrenReceived(first, province);
            assertThat(fromFirst).isEqualTo(List.of(RECEIVED.get(province + ".1"), RECEIVED.get(province + ".2")));
            assertThat(childrenReceived(second, province)).isEqualTo(fromFirst);
        }

        first.close();

        Awaitility.await().atMost(TAKEOVER).ignoreExceptions().untilAsserted(() -> {
            for (String unit : RECEIVED.keySet()) {
                assertThat(report(second, unit).path("received").path("new").asLong())
                        .as(unit)
                        .isEqualTo(RECEIVED.get(unit));
            }
        });
        assertThat(holdsSome(second)).isTrue();
    }

    private static ConfigurableApplicationContext instance(String applicationId) throws Exception {
        // arguments: they take precedence over application.yml, as the environment does in production
        return new SpringApplicationBuilder(MetricsServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + KAFKA.getBrokersAsString(),
                        "--metrics.application-id=" + applicationId,
                        "--metrics.state-dir=" + Files.createTempDirectory("metrics-instances-it"),
                        "--metrics.topic-partitions=4");
    }

    private static StatisticsEngine engine(ConfigurableApplicationContext context) {
        return context.getBean(StatisticsEngine.class);
    }

    /** Whether the instance holds the buckets of at least one unit itself. */
    private static boolean holdsSome(ConfigurableApplicationContext context) {
        try {
            return RECEIVED.keySet().stream()
                    .anyMatch(unit -> engine(context).remoteOwnerOf(unit).isEmpty());
        } catch (RuntimeException e) {
            return false; // rebalancing
        }
    }

    private static JsonNode report(ConfigurableApplicationContext context, String unit) throws Exception {
        return get(context, "/api/v1/stats/units/" + unit + "?period=" + PERIOD);
    }

    private static List<Long> childrenReceived(ConfigurableApplicationContext context, String province)
            throws Exception {
        List<Long> received = new ArrayList<>();
        for (JsonNode child : get(context, "/api/v1/stats/units/" + province + "/children?period=" + PERIOD)
                .path("children")) {
            received.add(child.path("received").path("new").asLong());
        }
        return received;
    }

    private static JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("asOf");
        return copy;
    }

    private static String unit(String code, String parent) {
        return "{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"parentCode\":%s}"
                .formatted(
                        code,
                        code,
                        parent == null ? "PROVINCE" : "COMMUNE",
                        parent == null ? "null" : "\"" + parent + "\"");
    }

    /** A dossier received in March 2020, ended on time for every other one. */
    private static String fact(String id, String province, String commune, int index) {
        Instant received = Instant.parse("2020-03-02T02:00:00Z").plus(Duration.ofHours(index));
        Instant due = received.plus(Duration.ofDays(5));
        boolean ended = index % 2 == 0;
        return """
                {"dossierId":"%s","sequence":1,"acceptedAt":"%s","unitCode":"%s","unitPath":["%s","%s"],
                 "channel":"DIRECT","status":"%s","receivedAt":"%s","dueAt":"%s","overdueSince":null,
                 "endedAt":%s,"classification":%s,"digitized":true,"feeRequired":false,"paidOnlineAt":null}""".formatted(
                        id,
                        Instant.now(),
                        commune,
                        province,
                        commune,
                        ended ? "RESOLVED" : "IN_PROGRESS",
                        received,
                        due,
                        ended ? "\"" + received.plus(Duration.ofDays(1)) + "\"" : "null",
                        ended ? "\"ON_TIME\"" : "null");
    }
}
