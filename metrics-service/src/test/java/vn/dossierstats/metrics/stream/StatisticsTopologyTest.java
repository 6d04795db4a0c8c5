package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.unitstats.Period;

class StatisticsTopologyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-20T03:00:00Z"), ZoneOffset.UTC);

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> facts;
    private TestOutputTopic<String, String> stats;
    private KeyValueStore<String, Counts> buckets;
    private final UnitVersions versions = new UnitVersions();

    @BeforeEach
    void start() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("topology-test").toString());
        driver = new TopologyTestDriver(
                StatisticsTopology.build(
                        new StreamsBuilder(),
                        ZONE,
                        2000,
                        new Cadence(Duration.ofMillis(200), Duration.ofMillis(200)),
                        CLOCK,
                        new SimpleMeterRegistry(),
                        Stores::persistentKeyValueStore,
                        versions),
                config);
        facts = driver.createInputTopic(Topics.DOSSIER_FACTS, new StringSerializer(), new StringSerializer());
        stats = driver.createOutputTopic(Topics.UNIT_STATS, new StringDeserializer(), new StringDeserializer());
        buckets = driver.getKeyValueStore(StatisticsTopology.BUCKETS);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aResolvedDossierCountsForItsUnitAndEveryAncestorInEveryGranularity() {
        facts.pipeInput("D1", fact("D1", 1, "OPEN", "2026-07-06T01:00:00Z", null, null));
        facts.pipeInput("D1", fact("D1", 2, "RESOLVED", "2026-07-06T01:00:00Z", "2026-07-07T02:00:00Z", "EARLY"));

        for (String unit : List.of("33", "33.001")) {
            assertThat(bucket(unit + "|2026-07").receivedNew()).isEqualTo(1);
            assertThat(bucket(unit + "|2026-07").early()).isEqualTo(1);
            assertThat(bucket(unit + "|2026-Q3").online()).isEqualTo(1);
            assertThat(bucket(unit + "|2026").early()).isEqualTo(1);
            assertThat(bucket(unit + "|2026-07-07").early()).isEqualTo(1);
            assertThat(bucket(unit + "|2026-07-06").receivedNew()).isEqualTo(1);
        }
        assertThat(bucket("33.002|2026-07")).isEqualTo(Counts.ZERO);
    }

    @Test
    void writingAUnitsBucketsGivesItAndItsAncestorsNewVersionsAndNoOtherUnit() {
        long commune = versions.of("33.001");
        long province = versions.of("33");
        long otherCommune = versions.of("33.002");

        facts.pipeInput("D1", fact("D1", 1, "OPEN", "2026-07-06T01:00:00Z", null, null));

        assertThat(versions.of("33.001")).isNotEqualTo(commune);
        assertThat(versions.of("33")).isNotEqualTo(province);
        assertThat(versions.of("33.002")).isEqualTo(otherCommune);
    }

    @Test
    void aRedeliveredOrOlderFactIsIgnored() {
        String first = fact("D1", 1, "OPEN", "2026-07-06T01:00:00Z", null, null);
        facts.pipeInput("D1", first);
        facts.pipeInput("D1", first);
        facts.pipeInput("D1", fact("D1", 2, "RESOLVED", "2026-07-06T01:00:00Z", "2026-07-07T02:00:00Z", "LATE"));
        facts.pipeInput("D1", first);

        assertThat(bucket("33|2026-07").receivedNew()).isEqualTo(1);
        assertThat(bucket("33|2026-07").late()).isEqualTo(1);
        assertThat(bucket("33|2026-07").openDelta()).isZero();
    }

    @Test
    void aChangedClassificationIsTakenBackAndCountedOnce() {
        facts.pipeInput("D1", fact("D1", 1, "RESOLVED", "2026-07-06T01:00:00Z", "2026-07-07T02:00:00Z", "EARLY"));
        facts.pipeInput("D1", fact("D1", 2, "RESOLVED", "2026-07-06T01:00:00Z", "2026-07-07T02:00:00Z", "LATE"));

        assertThat(bucket("33|2026-07").early()).isZero();
        assertThat(bucket("33|2026-07").late()).isEqualTo(1);
        assertThat(bucket("33|2026-07").receivedNew()).isEqualTo(1);
    }

    @Test
    void periodsFollowLocalTime() {
        // 23:30 UTC on June 30 is 06:30 on July 1 in Vietnam
        facts.pipeInput("D1", fact("D1", 1, "OPEN", "2026-06-30T23:30:00Z", null, null));
        assertThat(bucket("33|2026-07").receivedNew()).isEqualTo(1);
        assertThat(bucket("33|2026-06")).isEqualTo(Counts.ZERO);
        assertThat(bucket("33|2026-Q3").receivedNew()).isEqualTo(1);
    }

    @Test
    void everyChangePublishesTheUnitStatisticsOfItsPeriods() {
        facts.pipeInput("D1", fact("D1", 1, "RESOLVED", "2026-07-06T01:00:00Z", "2026-07-07T02:00:00Z", "ON_TIME"));
        assertThat(stats.isEmpty()).isTrue(); // published together at the next interval
        driver.advanceWallClockTime(Duration.ofMillis(250));
        var latest = stats.readKeyValuesToMap();
        JsonNode province = JsonSerde.JSON.readTree(latest.get("33|2026-07"));
        assertThat(province.get("unitCode").asString()).isEqualTo("33");
        assertThat(province.get("period").asString()).isEqualTo("2026-07");
        assertThat(province.get("counts").get("onTime").asLong()).isEqualTo(1);
        assertThat(province.get("counts").get("receivedNew").asLong()).isEqualTo(1);
        assertThat(latest).containsKeys("33.001|2026-07", "33|2026-Q3", "33|2026", "33|2026-07-06", "33|2026-07-20");
        JsonNode today = JsonSerde.JSON.readTree(latest.get("33|2026-07-20"));
        assertThat(today.get("counts").get("carriedOver").asLong()).isZero();
    }

    @Test
    void anOpenOverdueDossierIsCarriedOverAndCountedOverdue() {
        facts.pipeInput("D1", fact("D1", 1, "OPEN", "2026-06-10T01:00:00Z", null, null, "2026-06-15T10:00:00Z"));
        driver.advanceWallClockTime(Duration.ofMillis(250));
        var latest = stats.readKeyValuesToMap();
        JsonNode july = JsonSerde.JSON.readTree(latest.get("33|2026-07"));
        assertThat(july.get("counts").get("carriedOver").asLong()).isEqualTo(1);
        assertThat(july.get("counts").get("overdue").asLong()).isEqualTo(1);
        assertThat(july.get("counts").get("withinDeadline").asLong()).isZero();
    }

    @Test
    void aCatalogueChangeRepublishesTheIndexCountsWithoutANewFact() {
        TestInputTopic<String, String> procedures =
                driver.createInputTopic(Topics.PROCEDURES, new StringSerializer(), new StringSerializer());
        TestInputTopic<String, String> assigned =
                driver.createInputTopic(Topics.UNIT_PROCEDURES, new StringSerializer(), new StringSerializer());
        procedures.pipeInput("1.1", "{\"code\":\"1.1\",\"onlineLevel\":\"FULL\",\"feeCharging\":false}");
        facts.pipeInput("D1", fact("D1", 1, "OPEN", "2026-07-06T01:00:00Z", null, null));
        driver.advanceWallClockTime(Duration.ofMillis(250));
        JsonNode before = JsonSerde.JSON
                .readTree(stats.readKeyValuesToMap().get("33.001|2026-07"))
                .get("counts")
                .get("procedures");
        // 1.1 received online: in scope (received), offered online, its pair used
        assertThat(before.get("scope").asString()).isEqualTo("RECEIVED");
        assertThat(before.get("onlinePairs").asLong()).isEqualTo(1);
        assertThat(before.get("onlinePairsUsed").asLong()).isEqualTo(1);

        assigned.pipeInput("33.001", "{\"unitCode\":\"33.001\",\"procedures\":[\"1.1\",\"1.2\"]}");
        procedures.pipeInput("1.2", "{\"code\":\"1.2\",\"onlineLevel\":\"PARTIAL\",\"feeCharging\":true}");
        driver.advanceWallClockTime(Duration.ofMillis(250));

        var republished = stats.readKeyValuesToMap();
        for (String key : List.of("33.001|2026-07", "33|2026-07")) {
            JsonNode after =
                    JsonSerde.JSON.readTree(republished.get(key)).get("counts").get("procedures");
            assertThat(after.get("scope").asString()).as(key).isEqualTo("ASSIGNED");
            assertThat(after.get("inScope").asLong()).as(key).isEqualTo(2);
            assertThat(after.get("onlinePairs").asLong()).as(key).isEqualTo(2);
            assertThat(after.get("onlinePairsUsed").asLong()).as(key).isEqualTo(1);
            assertThat(after.get("feeCharging").asLong()).as(key).isEqualTo(1);
        }
    }

    /** @param key {@code unit|period}, the period as in the API */
    private Counts bucket(String key) {
        String[] unitAndPeriod = key.split("\\|");
        return new BucketStore(buckets)
                .get(unitAndPeriod[0], Period.parse(unitAndPeriod[1]).orElseThrow());
    }

    private static String fact(
            String id, long sequence, String status, String received, String ended, String classification) {
        return fact(id, sequence, status, received, ended, classification, null);
    }

    private static String fact(
            String id,
            long sequence,
            String status,
            String received,
            String ended,
            String classification,
            String overdueSince) {
        return """
                {"dossierId":"%s","sequence":%d,"cause":{"type":"X","eventId":"e","occurredAt":"%s"},
                 "acceptedAt":"2026-07-20T02:59:59Z","unitCode":"33.001","unitPath":["33","33.001"],
                 "procedureCode":"1.1","domain":"Đất đai","channel":"ONLINE","status":"%s","receivedAt":"%s",
                 "dueAt":"2026-07-09T10:00:00Z","overdueSince":%s,"endedAt":%s,"classification":%s,
                 "digitized":true,"feeRequired":false,"paidOnlineAt":null,"rating":null}""".formatted(
                id, sequence, received, status, received, quoted(overdueSince), quoted(ended), quoted(classification));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
