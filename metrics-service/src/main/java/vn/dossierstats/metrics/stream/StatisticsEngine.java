package vn.dossierstats.metrics.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;

/**
 * Runs the statistics topology with exactly-once processing. Starts once the topics it reads exist (dossier-service
 * declares them), so the service can start in any order; readiness is DOWN until the streams run. An application id
 * without committed offsets first loads its state in bulk ({@link BulkRebuild}, {@code metrics.bulk-rebuild}).
 */
@Component
public class StatisticsEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatisticsEngine.class);

    private final MetricsProperties properties;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final MeterRegistry meters;
    private final UnitVersions versions;
    private final LocalAddress address;
    /** This instance as the group knows it; null when it serves no HTTP (then it answers for every unit itself). */
    private volatile HostInfo self;

    private volatile KafkaStreams streams;
    private volatile Thread starter;
    private volatile boolean running;

    /** Public for tests that run a second engine under another application id (a rebuild). */
    public StatisticsEngine(
            MetricsProperties properties,
            KafkaProperties kafka,
            Clock clock,
            MeterRegistry meters,
            UnitVersions versions,
            LocalAddress address) {
        this.properties = properties;
        this.kafka = kafka;
        this.clock = clock;
        this.meters = meters;
        this.versions = versions;
        this.address = address;
    }

    @Override
    public void start() {
        running = true;
        starter = Thread.ofPlatform().name("statistics-engine-start").start(this::awaitTopicsThenStart);
    }

    private void awaitTopicsThenStart() {
        Set<String> sources = Set.of(
                Topics.DOSSIER_FACTS, Topics.UNITS, Topics.PROCEDURES, Topics.UNIT_PROCEDURES, Topics.UNIT_STATS);
        Instant deadline = clock.instant().plus(properties.sourceTopicWait());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            while (running) {
                try {
                    Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    if (existing.containsAll(sources)) {
                        break;
                    }
                    log.info("Waiting for topics {} (present: {})", sources, existing);
                } catch (ExecutionException | TimeoutException e) {
                    log.info("Waiting for the Kafka cluster: {}", e.toString());
                }
                if (clock.instant().isAfter(deadline)) {
                    log.error(
                            "Topics {} did not appear within {}; statistics are not running",
                            sources,
                            properties.sourceTopicWait());
                    return;
                }
                Thread.sleep(Duration.ofMillis(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!running) {
            return;
        }
        boolean fresh;
        try {
            fresh = properties.bulkRebuild() && bulkRebuild();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!running) {
            return;
        }
        Topology topology = StatisticsTopology.build(
                new StreamsBuilder(),
                properties.timeZone(),
                properties.firstYear(),
                new Cadence(properties.publishInterval(), properties.pastPublishInterval()),
                clock,
                meters,
                versions);
        // the web server has started by now (an earlier lifecycle phase): its port is known
        self = address.port() > 0 ? new HostInfo(address.host(), address.port()) : null;
        KafkaStreams created = new KafkaStreams(topology, streamsConfig());
        if (fresh) {
            // a new or wiped application id: nothing in the local state directory belongs to the state just loaded
            created.cleanUp();
        }
        // the stores may change under the unit versions (partitions moving, state restored): nothing computed before
        // such a change is reused after it
        versions.reset();
        created.setStateListener((next, previous) -> versions.reset());
        created.setGlobalStateRestoreListener(new StoreRestorations(versions));
        created.setUncaughtExceptionHandler(exception -> {
            log.error("Stream thread failed; replacing it", exception);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams = created;
        // client metrics of the streams, their consumers and producers: throughput, consumer lag (kafka_*)
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(created).bindTo(meters);
        created.start();
        log.info("Statistics topology started:\n{}", topology.describe());
    }

    /**
     * Runs the bulk load until it is done or not needed; a failed attempt commits nothing (its transaction is
     * aborted), so it is simply tried again.
     *
     * @return whether the application id had no committed offsets when checked
     */
    private boolean bulkRebuild() throws InterruptedException {
        BulkRebuild rebuild = new BulkRebuild(properties, bootstrap(), clock, meters);
        while (running) {
            try {
                return rebuild.runIfNeeded();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("Bulk rebuild of {} failed, nothing committed; trying again", properties.applicationId(), e);
                Thread.sleep(Duration.ofSeconds(5));
            }
        }
        return false;
    }

    private Properties streamsConfig() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                properties.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.topicReplicas());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 32L * 1024 * 1024);
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        if (self != null) {
            // every instance learns which instance holds which unit's buckets, and asks it (web/Peers)
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, address.hostAndPort());
        }
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // restoring a store (after a bulk rebuild: every last fact and bucket) in batches of 10,000, not 1,000
        config.put(StreamsConfig.restoreConsumerPrefix("max.poll.records"), 10_000);
        // after a crash the partitions move on once the session expires: keep that short
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 3_000);
        return config;
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }

    public boolean isProcessing() {
        KafkaStreams current = streams;
        return current != null && current.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    /** The bucket store for queries; empty while the streams are not running. */
    public ReadOnlyKeyValueStore<String, Counts> buckets() {
        return store(StatisticsTopology.BUCKETS);
    }

    /**
     * The bucket store of the partition that holds every bucket of {@code unitCode} (buckets are partitioned by
     * unit): a read touches one store instead of one per partition.
     */
    public ReadOnlyKeyValueStore<String, Counts> buckets(String unitCode) {
        KafkaStreams current = streams;
        if (current == null) {
            throw new InvalidStateStoreException("the statistics engine has not started yet");
        }
        KeyQueryMetadata owner = current.queryMetadataForKey(
                StatisticsTopology.BUCKETS, unitCode, Serdes.String().serializer());
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Counts>> query =
                StoreQueryParameters.fromNameAndType(StatisticsTopology.BUCKETS, QueryableStoreTypes.keyValueStore());
        return current.store(owner.partition() < 0 ? query : query.withPartition(owner.partition()));
    }

    /**
     * The instance whose stores hold the unit's buckets, when it is another one; empty when it is this one.
     *
     * @throws InvalidStateStoreException while no instance holds them for sure: starting, or partitions moving
     *     between instances (a rebalance); the caller answers 503 and the client retries
     */
    public Optional<HostInfo> remoteOwnerOf(String unitCode) {
        KafkaStreams current = streams;
        if (current == null || current.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("the statistics are being restored or are moving between instances");
        }
        HostInfo me = self;
        if (me == null) {
            return Optional.empty();
        }
        KeyQueryMetadata owner = current.queryMetadataForKey(
                StatisticsTopology.BUCKETS, unitCode, Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new InvalidStateStoreException("the statistics of " + unitCode + " are moving between instances");
        }
        return owner.activeHost().equals(me) ? Optional.empty() : Optional.of(owner.activeHost());
    }

    public ReadOnlyKeyValueStore<String, UnitRecord> units() {
        return store(StatisticsTopology.UNITS);
    }

    /** The procedure-based index counts, read from the usage store of the partition that holds the unit's buckets. */
    public ProcedureIndex procedureIndex(String unitCode) {
        KafkaStreams current = streams;
        if (current == null) {
            throw new InvalidStateStoreException("the statistics engine has not started yet");
        }
        KeyQueryMetadata owner = current.queryMetadataForKey(
                StatisticsTopology.BUCKETS, unitCode, Serdes.String().serializer());
        StoreQueryParameters<ReadOnlyKeyValueStore<String, ProcedureUsage>> query =
                StoreQueryParameters.fromNameAndType(StatisticsTopology.USAGE, QueryableStoreTypes.keyValueStore());
        return new ProcedureIndex(
                current.store(owner.partition() < 0 ? query : query.withPartition(owner.partition())),
                store(StatisticsTopology.PROCEDURES),
                store(StatisticsTopology.ASSIGNMENTS));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams current = streams;
        if (current == null) {
            throw new InvalidStateStoreException("the statistics engine has not started yet");
        }
        return current.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = starter;
        if (thread != null) {
            thread.interrupt();
        }
        KafkaStreams current = streams;
        if (current != null) {
            // leave the group at once, so that a restarted instance gets the partitions without a session timeout
            current.close(new KafkaStreams.CloseOptions()
                    .timeout(Duration.ofSeconds(30))
                    .leaveGroup(true));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
