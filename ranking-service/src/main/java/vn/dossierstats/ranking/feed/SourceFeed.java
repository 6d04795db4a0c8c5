package vn.dossierstats.ranking.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.catalogue.UnitRecord;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardListener;
import vn.dossierstats.ranking.leaderboard.RecomputePace;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.UnitStats;

/**
 * Feeds the {@link LeaderboardBook} from the two compacted topics it is made of: reads them from the beginning
 * (assigned partitions, no group, no committed offsets: every instance rebuilds its whole state at start), then
 * follows them. The book goes live, and readiness UP, once everything present at start-up has been read. Then the
 * leaderboards the changes touch are recomputed at the {@link RecomputePace}, not after every poll.
 */
@Component
class SourceFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourceFeed.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** Rest after a recomputation, in multiples of its duration: ranking takes at most a quarter of a core. */
    private static final int IDLE_FACTOR = 3;

    private final LeaderboardBook book;
    private final List<LeaderboardListener> listeners;
    private final KafkaProperties kafka;
    private final JsonMapper json;
    /** The catalogue topic, then the statistics topic (names configurable, so tests can isolate theirs). */
    private final String unitsTopic;

    private final List<String> topics;
    private final RecomputePace pace;
    private final Timer recomputations;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    SourceFeed(
            LeaderboardBook book,
            List<LeaderboardListener> listeners,
            KafkaProperties kafka,
            JsonMapper json,
            RankingProperties properties,
            MeterRegistry meters) {
        this.book = book;
        this.listeners = listeners;
        this.kafka = kafka;
        this.json = json;
        this.unitsTopic = properties.topics().units();
        this.topics = List.of(unitsTopic, properties.topics().stats());
        this.pace = new RecomputePace(properties.recomputeInterval(), IDLE_FACTOR);
        this.recomputations = Timer.builder("ranking.recompute")
                .description("Recomputations of the leaderboards that changed statistics touched")
                .register(meters);
    }

    /** True once everything present in the topics at start-up has been read and the leaderboards prepared. */
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("ranking-source-feed").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            KafkaConsumer<String, String> created = new KafkaConsumer<>(consumerProperties());
            consumer = created;
            try {
                List<TopicPartition> partitions = partitions(created);
                if (partitions.isEmpty()) {
                    log.info("Waiting for topics {} (declared by their writers); retry in {}", topics, backoff);
                } else {
                    backoff = FIRST_BACKOFF;
                    follow(created, partitions);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Source feed failed, reconnecting in {}", backoff, e);
            } finally {
                // short: nothing to commit, and a broker gone first must not hold up the shutdown
                created.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            }
            if (!sleep(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void follow(KafkaConsumer<String, String> created, List<TopicPartition> partitions) {
        created.assign(partitions);
        created.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = created.endOffsets(partitions);
        log.info("Reading {} from the beginning", topics);
        while (running) {
            ConsumerRecords<String, String> records = created.poll(pollTimeout());
            for (ConsumerRecord<String, String> record : records) {
                apply(record);
            }
            if (book.isLive()) {
                recomputeWhenDue();
            } else if (ends.entrySet().stream().allMatch(e -> created.position(e.getKey()) >= e.getValue())) {
                List<Leaderboard> prepared = book.goLive();
                publish(prepared);
                caughtUp = true;
                log.info("Leaderboards ready: {} prepared from {}", book.preparedCount(), topics);
            }
        }
    }

    /** Until the next recomputation is due while changes wait for it, so that polling does not hold them up. */
    private Duration pollTimeout() {
        if (!book.isLive() || !book.hasChanges()) {
            return POLL_TIMEOUT;
        }
        return Duration.ofNanos(Math.min(POLL_TIMEOUT.toNanos(), pace.nanosUntilDue(System.nanoTime())));
    }

    private void recomputeWhenDue() {
        long start = System.nanoTime();
        if (!book.hasChanges() || pace.nanosUntilDue(start) > 0) {
            return;
        }
        List<Leaderboard> changed = book.flush();
        long end = System.nanoTime();
        pace.recomputed(start, end);
        recomputations.record(end - start, TimeUnit.NANOSECONDS);
        publish(changed);
    }

    private void publish(List<Leaderboard> changed) {
        if (changed.isEmpty()) {
            return;
        }
        for (LeaderboardListener listener : listeners) {
            try {
                listener.updated(changed);
            } catch (RuntimeException e) {
                log.warn("Leaderboard listener {} failed", listener, e);
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> created) {
        Map<String, List<PartitionInfo>> existing = created.listTopics(Duration.ofSeconds(10));
        if (!existing.keySet().containsAll(Set.copyOf(topics))) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            existing.get(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(unitsTopic)) {
                applyUnit(record);
            } else {
                applyStats(record);
            }
        } catch (JacksonException e) {
            log.warn(
                    "Skipping unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getOriginalMessage());
        }
    }

    private void applyUnit(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                book.removeUnit(record.key());
            }
            return;
        }
        json.readValue(record.value(), UnitRecord.class)
                .toUnit()
                .ifPresentOrElse(book::putUnit, () -> skip(record, "a unit needs a code and a level"));
    }

    private void applyStats(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            UnitStats.splitKey(record.key())
                    .ifPresent(key -> Period.parse(key[1]).ifPresent(period -> book.removeCounts(key[0], period)));
            return;
        }
        UnitStats stats = json.readValue(record.value(), UnitStats.class);
        var period = stats.parsedPeriod();
        if (stats.unitCode() == null || period.isEmpty() || stats.counts() == null) {
            skip(record, "needs a unitCode, a period as in the API and counts");
            return;
        }
        book.putCounts(stats.unitCode(), period.get(), stats.counts());
    }

    private static void skip(ConsumerRecord<String, String> record, String why) {
        log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), why);
    }

    private Map<String, Object> consumerProperties() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.CLIENT_ID_CONFIG,
                "ranking-source-feed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // metrics-service writes exactly-once: never rank on counts of an aborted transaction
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
