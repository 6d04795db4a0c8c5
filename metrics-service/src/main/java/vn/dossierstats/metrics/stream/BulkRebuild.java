package vn.dossierstats.metrics.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.index.ProcedureCounts;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.Territories;
import vn.dossierstats.unitstats.UnitStats;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;

/**
 * Loads the statistics state of an application id that has none (new, or wiped) straight into the changelogs of
 * its stores, so that Kafka Streams restores it instead of running every fact of {@code dossier.facts.v1} through the
 * topology (issue 17: ~10,000 facts/s that way). Reads every partition up to a snapshot of its end offsets with a plain
 * consumer, keeps the newest fact of each dossier by FactDeltas' rule, adds their contributions with the same
 * {@link Contributions} code, and writes in one Kafka transaction:
 *
 * <ul>
 *   <li>each last fact to {@code <appId>-last-facts-changelog}, in the partition it was read from (task 0_p);
 *   <li>each non-zero bucket to {@code <appId>-buckets-changelog}, in the partition the {@code unit-deltas}
 *       repartition sends its unit to (task 1_p), and each procedure usage to {@code <appId>-procedure-usage-changelog}
 *       likewise;
 *   <li>the running periods' statistics of every unit to {@code unit.stats.v1}, with the index's procedure-based
 *       counts from the catalogue as its topics stand ({@link CatalogueSnapshot});
 *   <li>the snapshot's end offsets as the group's committed offsets of {@code dossier.facts.v1}.
 * </ul>
 *
 * <p>The transaction is the hand-over: either all of it is visible (read_committed, as Streams reads its changelogs
 * and offsets under exactly-once) and Streams restores the state and goes on from the snapshot's end, or none of it is
 * and the next start loads again. Facts after the snapshot are read by Streams only; facts before it are in the
 * loaded state only.
 */
final class BulkRebuild {

    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);

    /**
     * The longest the load's transaction may stay open (it opens after initialisation and stays open while the facts
     * are read): the broker's default {@code transaction.max.timeout.ms}. At ≥ 100,000 facts/s that is ~90 million
     * facts.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);
    /** How long reading may make no progress (broker gone) before the load gives up. */
    private static final Duration STALL = Duration.ofMinutes(1);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static final Serializer<String> KEYS =
            org.apache.kafka.common.serialization.Serdes.String().serializer();
    private static final Deserializer<String> KEY_READER =
            org.apache.kafka.common.serialization.Serdes.String().deserializer();

    private final MetricsProperties properties;
    private final String bootstrap;
    private final Clock clock;
    private final Counter loaded;

    BulkRebuild(MetricsProperties properties, String bootstrap, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.bootstrap = bootstrap;
        this.clock = clock;
        this.loaded = Counter.builder("dossier.stats.bulk.rebuild.facts")
                .description("Facts read by bulk rebuilds of the statistics state")
                .register(meters);
    }

    static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /**
     * Loads the state if the application id has no committed offsets for the facts topic and the topic holds records.
     *
     * @return whether the application id had no committed offsets (its state was loaded here or by another instance,
     *     or there was nothing to load): nothing in a local state directory belongs to it
     */
    boolean runIfNeeded() throws ExecutionException, InterruptedException, TimeoutException {
        String applicationId = properties.applicationId();
        long started = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            // first: fences any other instance's load of this application id (aborts its open transaction, so it
            // can commit nothing), so that the check below stays true until this load commits or is fenced in turn
            producer.initTransactions();
            if (hasCommittedOffsets(admin)) {
                return false;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DOSSIER_FACTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            // read_committed: the last stable offsets; facts in transactions still open are the live path's
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            if (partitions.stream().allMatch(p -> ends.get(p) <= begins.get(p))) {
                return true; // nothing to load: Streams reads the topic from its beginning
            }
            resetInternalTopics(admin, partitions.size());
            try {
                load(producer, partitions, begins, ends, started);
            } catch (RuntimeException | ExecutionException e) {
                if (fenced(e)) {
                    log.info("Another instance took over the bulk rebuild of {}; waiting for it", applicationId);
                    awaitCommittedOffsets(admin);
                    return true;
                }
                abortQuietly(producer);
                throw e;
            }
            return true;
        }
    }

    private void load(
            KafkaProducer<byte[], byte[]> producer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> begins,
            Map<TopicPartition, Long> ends,
            long started)
            throws InterruptedException, ExecutionException {
        String applicationId = properties.applicationId();
        String lastFactsChangelog = changelog(applicationId, StatisticsTopology.LAST_FACTS);
        String bucketsChangelog = changelog(applicationId, StatisticsTopology.BUCKETS);
        Contributions contributions = new Contributions(properties.timeZone());
        producer.beginTransaction();
        // partitions are independent until their buckets are summed: one worker (and consumer) per core reads them,
        // one partition at a time, so that only that partition's last facts are held in memory (the buckets, far
        // fewer, for all); the producer is shared, in the one transaction
        Queue<TopicPartition> queue = new ConcurrentLinkedQueue<>(partitions);
        int workers =
                Math.max(1, Math.min(partitions.size(), Runtime.getRuntime().availableProcessors()));
        Aggregation aggregation = new Aggregation(contributions);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                workers, Thread.ofPlatform().name("bulk-rebuild-", 1).factory())) {
            for (int i = 0; i < workers; i++) {
                results.add(pool.submit(() -> {
                    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
                        for (TopicPartition partition; (partition = queue.poll()) != null; ) {
                            read(consumer, partition, begins.get(partition), ends.get(partition), aggregation);
                            int target = partition.partition();
                            aggregation
                                    .finish(target)
                                    .forEach((key, fact) -> producer.send(new ProducerRecord<>(
                                            lastFactsChangelog,
                                            target,
                                            fact.timestamp(),
                                            KEYS.serialize(lastFactsChangelog, key),
                                            fact.value())));
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> result : results) {
            result.get();
        }
        long read = System.nanoTime();
        long facts = aggregation.facts();
        long dossiers = aggregation.dossiers();
        Instant now = clock.instant();
        long buckets = 0;
        Serializer<Counts> counts = CountsSerde.serde().serializer();
        // a few thousand distinct period keys among the buckets: each parsed once
        Map<String, Period> periods = new HashMap<>();
        for (Map.Entry<String, Map<String, Counts>> unit : aggregation.buckets().entrySet()) {
            // the repartition topic unit-deltas has the source topic's partition count (no count of its own)
            int target = partitionOf(unit.getKey(), partitions.size());
            for (Map.Entry<String, Counts> bucket : unit.getValue().entrySet()) {
                if (bucket.getValue().isZero()) {
                    continue; // the live path deletes a bucket that returns to zero
                }
                String key =
                        BucketStore.key(unit.getKey(), periods.computeIfAbsent(bucket.getKey(), k -> Period.parse(k)
                                .orElseThrow()));
                producer.send(new ProducerRecord<>(
                        bucketsChangelog,
                        target,
                        now.toEpochMilli(),
                        KEYS.serialize(bucketsChangelog, key),
                        counts.serialize(bucketsChangelog, bucket.getValue())));
                buckets++;
            }
        }
        String usageChangelog = changelog(applicationId, StatisticsTopology.USAGE);
        Serializer<ProcedureUsage> usageValues = UsageStore.serde().serializer();
        for (Map.Entry<String, Map<String, ProcedureUsage>> unit :
                aggregation.usage().entrySet()) {
            int target = partitionOf(unit.getKey(), partitions.size());
            for (Map.Entry<String, ProcedureUsage> entry : unit.getValue().entrySet()) {
                String periodKey = entry.getKey().substring(0, entry.getKey().indexOf('|'));
                String key = UsageStore.key(
                        unit.getKey(),
                        periods.computeIfAbsent(periodKey, k -> Period.parse(k).orElseThrow()),
                        entry.getKey());
                producer.send(new ProducerRecord<>(
                        usageChangelog,
                        target,
                        now.toEpochMilli(),
                        KEYS.serialize(usageChangelog, key),
                        usageValues.serialize(usageChangelog, entry.getValue())));
            }
        }
        long statistics = publishRunningPeriods(producer, aggregation, now);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
        // committed in the same transaction as the state: Streams starts from exactly the snapshot's end or, if the
        // transaction never commits, finds no offsets and the next start loads again
        producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(applicationId));
        producer.commitTransaction();
        loaded.increment(facts);
        long done = System.nanoTime();
        double seconds = (done - started) / 1e9;
        log.info(
                "Bulk rebuild of {}: {} facts read ({} dossiers), {} buckets written, {} statistics published in"
                        + " {} s ({} s reading, {} s writing the buckets and committing): {} facts/s; Kafka Streams"
                        + " restores it and goes on from offsets {}",
                applicationId,
                facts,
                dossiers,
                buckets,
                statistics,
                String.format("%.1f", seconds),
                String.format("%.1f", (read - started) / 1e9),
                String.format("%.1f", (done - read) / 1e9),
                Math.round(facts / Math.max(seconds, 1e-3)),
                ends);
    }

    /**
     * The statistics of the running day, month, quarter and year of every unit that has buckets, as the live path
     * publishes them when a fact marks them: after a bulk load nothing is marked, yet these are what dashboards and
     * the current leaderboards read, and their figures are judged "now". Earlier periods are not published: their
     * figures are a function of the facts (the same whichever application id computes them), so what an earlier
     * application id published on the compacted topic stays right. Not covered: an earlier period changed by facts
     * that no running instance processed before the rebuild, or a statistics topic that was lost; both would need
     * every period of every unit republished (a record per unit and period since its first bucket), and the live
     * path republishes such a period as soon as a fact touches it.
     */
    private long publishRunningPeriods(KafkaProducer<byte[], byte[]> producer, Aggregation aggregation, Instant now) {
        Map<String, Map<String, Counts>> buckets = aggregation.buckets();
        ReportCalculator calculator = new ReportCalculator(
                (unit, period) -> buckets.getOrDefault(unit, Map.of()).getOrDefault(period.key(), Counts.ZERO),
                properties.firstYear());
        Serializer<UnitStats> json = JsonSerde.of(UnitStats.class).serializer();
        LocalDate today = LocalDate.ofInstant(now, properties.timeZone());
        CatalogueSnapshot catalogue;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            catalogue = CatalogueSnapshot.read(consumer);
        }
        Territories territories = catalogue.territories();
        long published = 0;
        for (Map.Entry<String, Map<String, Counts>> unit : buckets.entrySet()) {
            if (unit.getValue().values().stream().allMatch(Counts::isZero)) {
                continue;
            }
            Map<String, Map<String, Map<String, ProcedureUsage>>> running =
                    runningUsage(aggregation.usage().getOrDefault(unit.getKey(), Map.of()), today);
            for (Granularity granularity : Granularity.values()) {
                Period period = Period.of(granularity, today);
                ProcedureInputs procedures = ProcedureCounts.of(
                        territories.subtreeOn(unit.getKey(), period.end().minusDays(1)),
                        running.getOrDefault(period.key(), Map.of()),
                        catalogue::assigned,
                        catalogue::traits);
                UnitStats stats = new UnitStats(
                        unit.getKey(),
                        period.key(),
                        calculator
                                .counts(unit.getKey(), List.of(period), today)
                                .getFirst()
                                .withProcedures(procedures),
                        now,
                        aggregation.lastAcceptedAt(unit.getKey()));
                String key = unit.getKey() + "|" + period.key();
                producer.send(new ProducerRecord<>(
                        Topics.UNIT_STATS,
                        null,
                        now.toEpochMilli(),
                        KEYS.serialize(Topics.UNIT_STATS, key),
                        json.serialize(Topics.UNIT_STATS, stats)));
                published++;
            }
        }
        return published;
    }

    /** A unit's usage in the running day, month, quarter and year: by period key, unit that received, procedure. */
    private static Map<String, Map<String, Map<String, ProcedureUsage>>> runningUsage(
            Map<String, ProcedureUsage> usage, LocalDate today) {
        Set<String> running = new java.util.HashSet<>();
        for (Granularity granularity : Granularity.values()) {
            running.add(Period.of(granularity, today).key());
        }
        Map<String, Map<String, Map<String, ProcedureUsage>>> byPeriod = new HashMap<>();
        usage.forEach((key, used) -> {
            String[] parts = key.split("\\|", 3);
            if (running.contains(parts[0]) && !used.isZero()) {
                byPeriod.computeIfAbsent(parts[0], p -> new HashMap<>())
                        .computeIfAbsent(parts[1], u -> new HashMap<>())
                        .put(parts[2], used);
            }
        });
        return byPeriod;
    }

    /** Reads the partition from {@code begin} up to {@code end} (excluded) into the aggregation. */
    private static void read(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition partition,
            long begin,
            long end,
            Aggregation aggregation) {
        Deserializer<DossierFact> facts =
                JsonSerde.of(DossierFact.class, JsonSerde.FACTS).deserializer();
        consumer.assign(List.of(partition));
        consumer.seek(partition, begin);
        long position = begin;
        long progressedAt = System.nanoTime();
        while (position < end) {
            for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() >= end) {
                    break; // after the snapshot: Streams reads it
                }
                String key = KEY_READER.deserialize(partition.topic(), record.key());
                DossierFact fact = record.value() == null ? null : facts.deserialize(partition.topic(), record.value());
                aggregation.add(partition.partition(), key, fact, record.timestamp());
            }
            // past aborted records and transaction markers too, which poll returns nothing for
            long next = consumer.position(partition);
            if (next > position) {
                position = next;
                progressedAt = System.nanoTime();
            } else if (System.nanoTime() - progressedAt > STALL.toNanos()) {
                throw new IllegalStateException("no progress reading " + partition + " for " + STALL);
            }
        }
    }

    /**
     * A new or wiped application id must start from empty internal topics: a changelog left by an earlier life of the
     * id would be restored under the loaded state (a bucket loaded as zero, so not written, would keep an old value),
     * and an old repartition topic would be read again from its beginning. The changelogs are created as Kafka Streams
     * creates them (compacted, one partition per task, CreateTime); Kafka Streams 4.1 accepts an existing internal
     * topic whose partition count is the one it expects ({@code InternalTopicManager.makeReady}); it creates the
     * repartition topic itself.
     */
    private void resetInternalTopics(Admin admin, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        String applicationId = properties.applicationId();
        List<String> changelogs = List.of(
                changelog(applicationId, StatisticsTopology.LAST_FACTS),
                changelog(applicationId, StatisticsTopology.BUCKETS),
                changelog(applicationId, StatisticsTopology.USAGE));
        Set<String> internal = new java.util.HashSet<>(changelogs);
        internal.add(applicationId + "-" + StatisticsTopology.UNIT_DELTAS + "-repartition");
        Set<String> existing =
                new java.util.HashSet<>(admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        existing.retainAll(internal);
        if (!existing.isEmpty()) {
            log.info("Deleting internal topics {} of {} before the bulk rebuild", existing, applicationId);
            admin.deleteTopics(existing).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        for (String name : changelogs) {
            NewTopic topic = new NewTopic(name, partitions, properties.topicReplicas())
                    .configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                            "CreateTime"));
            while (true) {
                try {
                    admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException e) {
                    // a topic just deleted is removed asynchronously: until then its name is taken
                    if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private boolean hasCommittedOffsets(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        return admin
                .listConsumerGroupOffsets(
                        properties.applicationId(), new ListConsumerGroupOffsetsOptions().requireStable(true))
                .partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .anyMatch(e -> e.getKey().topic().equals(Topics.DOSSIER_FACTS) && e.getValue() != null);
    }

    /** Until the instance that fenced this one has committed its load, as long as a transaction may last. */
    private void awaitCommittedOffsets(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TRANSACTION_TIMEOUT.toNanos();
        while (!hasCommittedOffsets(admin)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no other instance completed the bulk rebuild");
            }
            Thread.sleep(1000);
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static void abortQuietly(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            // the broker may be gone; the next load's initTransactions aborts it, or the transaction times out
            log.debug("Could not abort the bulk rebuild's transaction", e);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // large fetches: the whole topic is read once, as fast as the broker serves it
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // one per application id: a second instance loading the same id fences the first
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.applicationId() + "-bulk-rebuild");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.SEND_BUFFER_CONFIG, 1024 * 1024);
        return config;
    }

    /** The partition Kafka's default partitioner gives a record keyed by the unit code (String-serialized). */
    static int partitionOf(String unitCode, int partitions) {
        return Utils.toPositive(Utils.murmur2(unitCode.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A dossier's last fact as the store keeps it (its serde), with its sequence and the record's timestamp. */
    record LastFact(long sequence, byte[] value, long timestamp) {}

    /**
     * The pure part of a bulk load: per source partition the newest fact of each dossier, by FactDeltas' rule (a fact
     * whose sequence is not newer than the kept one is ignored), and the sum of what the kept facts contribute
     * ({@link Contributions#of}), per unit and period key. The live path adds each replacement's difference; the sum
     * of those differences is the last fact's contribution, which is added here once, when the partition is read.
     */
    static final class Aggregation {
        private final Contributions contributions;
        private final Serializer<DossierFact> store = DossierFactSerde.serde().serializer();
        private final Deserializer<DossierFact> storeReader =
                DossierFactSerde.serde().deserializer();
        /** Each partition's map is used by the one worker that reads it; the sums by all. */
        private final Map<Integer, Map<String, LastFact>> lastFacts = new ConcurrentHashMap<>();

        private final Map<String, Map<String, Counts>> buckets = new ConcurrentHashMap<>();
        private final Map<String, Map<String, ProcedureUsage>> usage = new ConcurrentHashMap<>();
        private final Map<String, Instant> lastAcceptedAt = new ConcurrentHashMap<>();
        private final LongAdder facts = new LongAdder();
        private final LongAdder dossiers = new LongAdder();

        Aggregation(Contributions contributions) {
            this.contributions = contributions;
        }

        void add(int partition, String key, DossierFact fact, long timestamp) {
            facts.increment();
            if (key == null || fact == null) {
                return; // as FactDeltas
            }
            Map<String, LastFact> kept = lastFacts.computeIfAbsent(partition, p -> new HashMap<>());
            LastFact previous = kept.get(key);
            if (previous == null || previous.sequence() < fact.sequence()) {
                kept.put(key, new LastFact(fact.sequence(), store.serialize(null, fact), timestamp));
            }
        }

        /**
         * Adds the contributions of the partition's last facts and hands them over, by key, to be written; they are
         * forgotten here.
         */
        Map<String, LastFact> finish(int partition) {
            Map<String, LastFact> taken = lastFacts.remove(partition);
            if (taken == null) {
                return Map.of();
            }
            for (LastFact kept : taken.values()) {
                // the kept form, read back: what the live path's store holds and retracts later
                DossierFact fact = storeReader.deserialize(null, kept.value());
                contributions.of(fact).forEach((unit, periods) -> {
                    Map<String, Counts> unitBuckets = buckets.computeIfAbsent(unit, u -> new ConcurrentHashMap<>());
                    periods.forEach((period, counts) -> unitBuckets.merge(period, counts, Counts::plus));
                    if (fact.acceptedAt() != null) {
                        lastAcceptedAt.merge(unit, fact.acceptedAt(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
                contributions.usage(fact).forEach((unit, entries) -> {
                    Map<String, ProcedureUsage> unitUsage = usage.computeIfAbsent(unit, u -> new ConcurrentHashMap<>());
                    entries.forEach((key, used) -> unitUsage.merge(key, used, ProcedureUsage::plus));
                });
            }
            dossiers.add(taken.size());
            return taken;
        }

        /** By unit, then period key, of the finished partitions; may hold zero sums (e.g. +1 and -1 open). */
        Map<String, Map<String, Counts>> buckets() {
            return buckets;
        }

        /** By unit, then {@link Contributions#usageKey}, of the finished partitions. */
        Map<String, Map<String, ProcedureUsage>> usage() {
            return usage;
        }

        /** The newest acceptance among the last facts that count for the unit, or null. */
        Instant lastAcceptedAt(String unit) {
            return lastAcceptedAt.get(unit);
        }

        /** Records read, tombstones and records without a key included. */
        long facts() {
            return facts.sum();
        }

        /** Last facts of the finished partitions. */
        long dossiers() {
            return dossiers.sum();
        }

        /** The partition's last facts, not yet finished: for tests. */
        List<DossierFact> lastFacts(int partition) {
            List<DossierFact> kept = new ArrayList<>();
            lastFacts
                    .getOrDefault(partition, Map.of())
                    .values()
                    .forEach(f -> kept.add(storeReader.deserialize(null, f.value())));
            return kept;
        }
    }
}
