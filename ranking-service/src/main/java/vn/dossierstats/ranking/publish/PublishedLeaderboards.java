package vn.dossierstats.ranking.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.RankingProperties;

/**
 * What {@code leaderboards.v1} holds: the content digest ({@link LeaderboardTopic#contentDigest}) of the latest record
 * of each leaderboard, read from the topic itself (assigned partitions, no group, from the beginning, then followed).
 *
 * <p>Why: an instance that takes the writer lease over, or starts, holds the latest content of every leaderboard, and
 * most of it the previous writer published already. Comparing with what the topic holds once it has been read to its
 * end ({@link #upToNow()}) sends only what the topic lacks: each change once, whichever instance wrote it, and nothing
 * the dead writer left unsent is lost.
 */
@Component
class PublishedLeaderboards implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedLeaderboards.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaProperties kafka;
    private final String topic;
    /** The latest digest per key, as far as the topic has been read; touched by the reader thread only. */
    private final Map<String, byte[]> latest = new HashMap<>();

    private volatile CompletableFuture<Map<String, byte[]>> request;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    PublishedLeaderboards(KafkaProperties kafka, RankingProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topics().leaderboards();
    }

    /**
     * The digest of the latest record of each leaderboard once the topic has been read up to its end as of this call:
     * every record a writer had sent by then is in it.
     */
    synchronized CompletableFuture<Map<String, byte[]>> upToNow() {
        CompletableFuture<Map<String, byte[]>> current = request;
        if (current == null || current.isDone()) {
            current = new CompletableFuture<>();
            request = current;
        }
        return current;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("ranking-published-reader").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(consumerProperties());
            consumer = created;
            try {
                List<TopicPartition> partitions = partitions(created);
                if (!partitions.isEmpty()) {
                    follow(created, partitions);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Reading {} failed, again in {}: {}", topic, RETRY, e.getMessage());
            } finally {
                created.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> created, List<TopicPartition> partitions) {
        created.assign(partitions);
        created.seekToBeginning(partitions);
        latest.clear();
        CompletableFuture<Map<String, byte[]>> answering = null;
        Map<TopicPartition, Long> ends = null;
        while (running) {
            for (ConsumerRecord<String, byte[]> record : created.poll(POLL)) {
                if (record.key() == null) {
                    continue;
                }
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    Header digest = record.headers().lastHeader(LeaderboardTopic.DIGEST_HEADER);
                    latest.put(
                            record.key(),
                            digest != null ? digest.value() : LeaderboardTopic.contentDigest(record.value()));
                }
            }
            CompletableFuture<Map<String, byte[]>> asked = request;
            if (asked != null && !asked.isDone()) {
                if (asked != answering) {
                    answering = asked;
                    ends = created.endOffsets(partitions);
                }
                if (ends.entrySet().stream().allMatch(e -> created.position(e.getKey()) >= e.getValue())) {
                    asked.complete(Map.copyOf(latest));
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> created) {
        List<PartitionInfo> infos = created.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private Map<String, Object> consumerProperties() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.CLIENT_ID_CONFIG,
                "ranking-published-reader",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }
}
