package vn.dossierstats.metrics.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import vn.dossierstats.metrics.MetricsProperties;

/**
 * Not a test: measures a bulk rebuild against a running broker and prints the figures of docs/benchmarks.md,
 * *Rebuild*. Args: bootstrap servers, facts to have in {@code dossier.facts.v1} (synthetic facts are added up to that
 * many: a province of 4 communes per 1,000 dossiers, ~2.3 sequences per dossier with redeliveries and reordering).
 */
public final class BulkRebuildBenchmark {

    private BulkRebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        long wanted = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Clock clock = Clock.systemUTC();
        long present = ensureFacts(bootstrap, wanted, clock.instant());

        String applicationId = "metrics-bulk-benchmark-" + System.nanoTime();
        MetricsProperties properties = new MetricsProperties(
                ZoneId.of("Asia/Ho_Chi_Minh"),
                2000,
                applicationId,
                Files.createTempDirectory(applicationId),
                Duration.ofMillis(100),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                1,
                6,
                (short) 1,
                Duration.ofMinutes(1),
                Duration.ZERO,
                16384,
                "localhost",
                0,
                true);
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrap));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StatisticsEngine engine = new StatisticsEngine(
                properties, kafka, clock, meters, new UnitVersions(), new LocalAddress(properties));
        long started = System.nanoTime();
        engine.start();
        while (!engine.isProcessing()) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printCpuByThreadGroup();
        long buckets = engine.buckets().approximateNumEntries();
        engine.stop();
        double loaded = meters.counter("dossier.stats.bulk.rebuild.facts").count();
        System.out.printf(
                "%n%,d facts in the topic, %,.0f loaded in bulk; %,d buckets; RUNNING (restored) after %.1f s:"
                        + " %,.0f facts/s from start to queryable%n",
                present, loaded, buckets, seconds, present / seconds);
    }

    /** CPU seconds of this JVM's threads so far, by name without digits (Linux /proc). */
    private static void printCpuByThreadGroup() throws java.io.IOException {
        Map<String, Double> cpu = new java.util.TreeMap<>();
        try (var tasks = Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge(name.replaceAll("[0-9]+", "N"), ticks / 100, Double::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        cpu.entrySet().stream()
                .filter(e -> e.getValue() >= 0.2)
                .forEach(e -> System.out.printf("  cpu %-20s %6.1f s%n", e.getKey(), e.getValue()));
    }

    /** Adds synthetic facts until the topic holds {@code wanted}; returns how many it holds. */
    private static long ensureFacts(String bootstrap, long wanted, Instant now) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            for (String topic : List.of(
                    Topics.DOSSIER_FACTS, Topics.UNITS, Topics.PROCEDURES, Topics.UNIT_PROCEDURES, Topics.UNIT_STATS)) {
                if (!existing.contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1)))
                            .all()
                            .get();
                }
            }
            long present = count(admin);
            if (present >= wanted) {
                return present;
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    256 * 1024,
                    ProducerConfig.LINGER_MS_CONFIG,
                    10))) {
                Random random = new Random(present);
                long sent = present;
                for (int round = 0; sent < wanted; round++) {
                    String province = "P" + (round % 34) + "-" + present + "-" + round;
                    for (DossierFact fact : RandomFacts.generate(random, province, 1_000, now)) {
                        producer.send(
                                new ProducerRecord<>(Topics.DOSSIER_FACTS, fact.dossierId(), RandomFacts.json(fact)));
                        sent++;
                    }
                }
                producer.flush();
            }
            return count(admin);
        }
    }

    private static long count(Admin admin) throws Exception {
        var partitions = admin.describeTopics(List.of(Topics.DOSSIER_FACTS))
                .allTopicNames()
                .get()
                .get(Topics.DOSSIER_FACTS)
                .partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(
                p -> latest.put(new TopicPartition(Topics.DOSSIER_FACTS, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }
}
