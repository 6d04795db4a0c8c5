package vn.dossierstats.ranking.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import vn.dossierstats.ranking.standings.Standings;

/**
 * Reads the catalogue and the unit statistics from the beginning of their compacted topics into {@link Standings},
 * then follows them. No offsets are committed: every instance rebuilds its state from the topics at start.
 */
@Component
public class StandingsFeed implements SmartLifecycle {

    /** Read. Key: unit code. Value: UnitRecord JSON (dossier-service). */
    public static final String UNITS = "catalogue.units.v1";
    /** Read. Key: unitCode|period. Value: UnitStats JSON (metrics-service). */
    public static final String UNIT_STATS = "unit.stats.v1";

    private static final Logger log = LoggerFactory.getLogger(StandingsFeed.class);

    private final Standings standings;
    private final KafkaProperties kafka;
    private final RankingProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    StandingsFeed(
            Standings standings, KafkaProperties kafka, RankingProperties properties, JsonMapper json, Clock clock) {
        this.standings = standings;
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("standings-feed").start(this::run);
    }

    private void run() {
        try (KafkaConsumer<String, String> created = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"))) {
            consumer = created;
            List<TopicPartition> partitions = awaitPartitions(created);
            if (partitions.isEmpty()) {
                return;
            }
            created.assign(partitions);
            created.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = created.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : created.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!caughtUp && ends.entrySet().stream().allMatch(e -> created.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("Standings rebuilt from {} and {}", UNITS, UNIT_STATS);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Standings feed stopped", e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> created) {
        Instant deadline = clock.instant().plus(properties.sourceTopicWait());
        while (running && clock.instant().isBefore(deadline)) {
            var topics = created.listTopics(Duration.ofSeconds(5));
            if (topics.keySet().containsAll(Set.of(UNITS, UNIT_STATS))) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(UNITS, UNIT_STATS)) {
                    topics.get(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                return partitions;
            }
            log.info("Waiting for topics {} and {}", UNITS, UNIT_STATS);
            try {
                Thread.sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        log.error("Topics {} and {} did not appear within {}", UNITS, UNIT_STATS, properties.sourceTopicWait());
        return List.of();
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(UNITS)) {
                standings.putUnit(json.readValue(record.value(), UnitRecord.class));
            } else {
                UnitStats stats = json.readValue(record.value(), UnitStats.class);
                standings.putCounts(stats.unitCode(), stats.period(), stats.counts());
            }
        } catch (JacksonException e) {
            log.warn(
                    "Skipping unreadable record {}@{} of {}: {}",
                    record.offset(),
                    record.partition(),
                    record.topic(),
                    e.getOriginalMessage());
        }
    }

    /** True once everything present at start-up has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
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
}
