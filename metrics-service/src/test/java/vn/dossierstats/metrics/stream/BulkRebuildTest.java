package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.unitstats.Period;

class BulkRebuildTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW = Instant.parse("2026-07-20T03:00:00Z");

    @Test
    void theNewestSequenceOfEachDossierIsKeptAndOneNotNewerIsIgnored() {
        BulkRebuild.Aggregation aggregation = new BulkRebuild.Aggregation(new Contributions(ZONE));
        DossierFact first = fact("D1", 2, "OPEN", null);
        aggregation.add(0, "D1", first, 1);
        aggregation.add(0, "D1", fact("D1", 1, "RESOLVED", "LATE"), 2); // older: ignored
        aggregation.add(0, "D1", fact("D1", 2, "RESOLVED", "EARLY"), 3); // not newer: ignored, the first stays
        aggregation.add(0, "D2", fact("D2", 5, "OPEN", null), 4);
        aggregation.add(0, "D2", fact("D2", 7, "RESOLVED", "ON_TIME"), 5);
        aggregation.add(0, null, fact("D3", 1, "OPEN", null), 6); // no key: skipped, as FactDeltas does
        aggregation.add(0, "D4", null, 7); // a tombstone
        aggregation.add(1, "D1", fact("D1", 1, "OPEN", null), 8); // another partition, another task's store

        assertThat(aggregation.lastFacts(0)).containsExactlyInAnyOrder(first, fact("D2", 7, "RESOLVED", "ON_TIME"));
        assertThat(aggregation.lastFacts(1)).containsExactly(fact("D1", 1, "OPEN", null));
        assertThat(aggregation.finish(0).keySet()).containsExactlyInAnyOrder("D1", "D2");
        assertThat(aggregation.finish(1).keySet()).containsExactly("D1");
        assertThat(aggregation.facts()).isEqualTo(8);
        assertThat(aggregation.dossiers()).isEqualTo(3);
        Counts july = aggregation.buckets().get("33").get("2026-07");
        assertThat(july.receivedNew()).isEqualTo(3);
        assertThat(july.onTime()).isEqualTo(1);
        assertThat(july.early() + july.late()).isZero();
        assertThat(july.openDelta()).isEqualTo(2);
    }

    /** The same facts through the live topology and through the aggregation: the same buckets, the same last facts. */
    @Test
    void theAggregatedBucketsAreTheLiveTopologysBucketForBucket() throws Exception {
        List<DossierFact> facts = RandomFacts.generate(new Random(17), "33", 500, NOW);
        BulkRebuild.Aggregation aggregation = new BulkRebuild.Aggregation(new Contributions(ZONE));
        // three partitions, a dossier's facts all in one as Kafka keys them: partitions are summed apart, then together
        int partitions = 3;
        facts.forEach(f -> aggregation.add(Math.floorMod(f.dossierId().hashCode(), partitions), f.dossierId(), f, 0));
        Map<String, DossierFact> bulkLast = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            aggregation.lastFacts(partition).forEach(f -> bulkLast.put(f.dossierId(), f));
            aggregation.finish(partition);
        }

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bulk-rebuild-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("bulk-rebuild-test").toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(
                StatisticsTopology.build(
                        new StreamsBuilder(),
                        ZONE,
                        2000,
                        new Cadence(Duration.ofMillis(200), Duration.ofMillis(200)),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        new SimpleMeterRegistry(),
                        Stores::inMemoryKeyValueStore),
                config)) {
            TestInputTopic<String, String> input =
                    driver.createInputTopic(Topics.DOSSIER_FACTS, new StringSerializer(), new StringSerializer());
            facts.forEach(f -> input.pipeInput(f.dossierId(), RandomFacts.json(f)));

            Map<String, Counts> live = new HashMap<>();
            KeyValueStore<String, Counts> buckets = driver.getKeyValueStore(StatisticsTopology.BUCKETS);
            try (var all = buckets.all()) {
                all.forEachRemaining(kv -> live.put(kv.key, kv.value));
            }
            Map<String, Counts> bulk = new HashMap<>();
            aggregation
                    .buckets()
                    .forEach((unit, periods) -> periods.forEach((period, counts) -> {
                        if (!counts.isZero()) {
                            bulk.put(BucketStore.key(unit, Period.parse(period).orElseThrow()), counts);
                        }
                    }));
            assertThat(bulk).hasSizeGreaterThan(1_000).isEqualTo(live);

            Map<String, ProcedureUsage> liveUsage = new HashMap<>();
            KeyValueStore<String, ProcedureUsage> usage = driver.getKeyValueStore(StatisticsTopology.USAGE);
            try (var all = usage.all()) {
                all.forEachRemaining(kv -> liveUsage.put(kv.key, kv.value));
            }
            Map<String, ProcedureUsage> bulkUsage = new HashMap<>();
            aggregation
                    .usage()
                    .forEach((unit, entries) -> entries.forEach((key, used) -> bulkUsage.put(
                            UsageStore.key(
                                    unit,
                                    Period.parse(key.substring(0, key.indexOf('|')))
                                            .orElseThrow(),
                                    key),
                            used)));
            assertThat(bulkUsage).hasSizeGreaterThan(1_000).isEqualTo(liveUsage);

            KeyValueStore<String, DossierFact> lastFacts = driver.getKeyValueStore(StatisticsTopology.LAST_FACTS);
            Map<String, DossierFact> liveLast = new HashMap<>();
            try (var all = lastFacts.all()) {
                all.forEachRemaining(kv -> liveLast.put(kv.key, kv.value));
            }
            assertThat(bulkLast).hasSize(500).isEqualTo(liveLast);
        }
    }

    /** Each bucket goes to the changelog partition of the task the repartition by unit sends the unit to. */
    @Test
    void aUnitsPartitionIsTheOneKafkasDefaultPartitionerGivesItsKey() {
        StringSerializer keys = new StringSerializer();
        for (String unit : List.of("33", "33.001", "CR.001", "01.002.003", "Hà Nội", "")) {
            for (int partitions = 1; partitions <= 12; partitions++) {
                assertThat(BulkRebuild.partitionOf(unit, partitions))
                        .as(unit + " of " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(keys.serialize("t", unit), partitions))
                        .isEqualTo(org.apache.kafka.common.utils.Utils.toPositive(
                                        org.apache.kafka.common.utils.Utils.murmur2(
                                                unit.getBytes(StandardCharsets.UTF_8)))
                                % partitions);
            }
        }
    }

    @Test
    void theChangelogsAreNamedAsKafkaStreamsNamesThem() {
        assertThat(BulkRebuild.changelog("metrics-service-v2", StatisticsTopology.BUCKETS))
                .isEqualTo(org.apache.kafka.streams.processor.internals.ProcessorStateManager.storeChangelogTopic(
                        "metrics-service-v2", StatisticsTopology.BUCKETS, null));
    }

    private static DossierFact fact(String id, long sequence, String status, String classification) {
        Instant received = Instant.parse("2026-07-06T01:00:00Z");
        return new DossierFact(
                id,
                sequence,
                NOW,
                "33.001",
                List.of("33", "33.001"),
                "DIRECT",
                status,
                received,
                null,
                classification == null ? null : Instant.parse("2026-07-08T01:00:00Z"),
                classification,
                false,
                false,
                null);
    }
}
