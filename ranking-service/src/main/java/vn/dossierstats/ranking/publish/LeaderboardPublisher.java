package vn.dossierstats.ranking.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Coalescer;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardListener;
import vn.dossierstats.ranking.writer.WriterLease;

/**
 * Publishes every change of a leaderboard to {@code leaderboards.v1}, at most once per
 * {@code ranking.publish-interval} per leaderboard: a burst of statistics becomes one record with the latest content
 * (the topic is compacted: only the latest matters). The feed's thread only remembers the change. Only the instance
 * that holds the {@link WriterLease} sends; another keeps the latest content of each changed leaderboard and sends it
 * when it takes the lease over.
 *
 * <p>A content equal to the topic's latest for its leaderboard is not sent: at the start of each lease term (a start
 * or a takeover, when every leaderboard is pending) the publisher waits until {@link PublishedLeaderboards} has read
 * the topic to its end, and compares with that; within the term, with what it sent itself. So each change is
 * published once, not once per instance or restart.
 */
@Component
class LeaderboardPublisher implements LeaderboardListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaderboardPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final WriterLease lease;
    private final String topic;
    private final Clock clock;
    private final long intervalMillis;
    private final PublishedLeaderboards topicContents;
    private final Coalescer<String, Leaderboard> pending = Coalescer.latestOnly();
    /** The change instant of the latest send per key: a failed older send is not retried over a newer one. */
    private final Map<String, Instant> latestSent = new ConcurrentHashMap<>();
    /**
     * The content digest of the topic's latest record per key, as of this term's last send; null between terms. Set by
     * the sender thread, read by the producer's callbacks too.
     */
    private volatile Map<String, byte[]> sentDigests;
    /** The lease term {@link #sentDigests} belongs to (sender thread only). */
    private long term;
    /** The topic's contents asked for at the start of a term, until they come (sender thread only). */
    private CompletableFuture<Map<String, byte[]>> awaited;

    private final Counter published;
    private final Counter unchanged;
    private final Counter failures;
    private ScheduledExecutorService sender;
    private volatile boolean running;

    LeaderboardPublisher(
            KafkaTemplate<String, byte[]> kafka,
            WriterLease lease,
            PublishedLeaderboards topicContents,
            RankingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.lease = lease;
        this.topicContents = topicContents;
        this.topic = properties.topics().leaderboards();
        this.clock = clock;
        this.intervalMillis = properties.publishInterval().toMillis();
        this.published = Counter.builder("ranking.leaderboards.published")
                .description("Leaderboard records sent to the leaderboard topic")
                .register(meters);
        this.unchanged = Counter.builder("ranking.leaderboards.unchanged")
                .description("Leaderboard changes not sent: the topic holds that content already")
                .register(meters);
        this.failures = Counter.builder("ranking.leaderboards.publish.failures")
                .description("Leaderboard records the broker did not take (retried)")
                .register(meters);
    }

    @Override
    public void updated(List<Leaderboard> boards) {
        Instant at = clock.instant();
        for (Leaderboard board : boards) {
            pending.offer(LeaderboardTopic.key(board), board, at);
        }
    }

    void publish() {
        if (!lease.held() || !knowsTheTopic()) {
            return;
        }
        for (Coalescer.Pending<String, Leaderboard> p : pending.drain()) {
            byte[] value = LeaderboardTopic.value(p.value(), p.at());
            byte[] digest = LeaderboardTopic.contentDigest(value);
            if (Arrays.equals(digest, sentDigests.get(p.key()))) {
                unchanged.increment();
                continue;
            }
            try {
                latestSent.put(p.key(), p.at());
                sentDigests.put(p.key(), digest);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, p.key(), value);
                record.headers().add(LeaderboardTopic.DIGEST_HEADER, digest);
                kafka.send(record).whenComplete((result, failure) -> {
                    if (failure == null) {
                        published.increment();
                    } else {
                        failed(p, digest, failure);
                    }
                });
            } catch (RuntimeException e) {
                failed(p, digest, e);
            }
        }
    }

    /**
     * Whether this term's comparison base is known: at the start of a term, once the topic has been read to its end
     * (what a previous writer sent is in it); until then the changes wait in {@link #pending}.
     */
    private boolean knowsTheTopic() {
        if (sentDigests != null && term == lease.term()) {
            return true;
        }
        if (awaited == null) {
            sentDigests = null;
            awaited = topicContents.upToNow();
        }
        if (!awaited.isDone()) {
            return false;
        }
        sentDigests = new ConcurrentHashMap<>(awaited.join());
        term = lease.term();
        log.info(
                "Publishing what differs from the {} leaderboards {} holds ({} changed meanwhile)",
                sentDigests.size(),
                topic,
                pending.pending());
        awaited = null;
        return true;
    }

    private void failed(Coalescer.Pending<String, Leaderboard> p, byte[] digest, Throwable failure) {
        failures.increment();
        log.warn("Could not publish leaderboard {}: {}", p.key(), failure.getMessage());
        Map<String, byte[]> digests = sentDigests;
        if (digests != null) {
            // the topic may not hold it: the retry must not be taken for unchanged
            digests.remove(p.key(), digest);
        }
        if (p.at().equals(latestSent.get(p.key()))) {
            pending.retry(List.of(p));
        }
    }

    @Override
    public void start() {
        sender = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ranking-publisher").daemon().factory());
        sender.scheduleWithFixedDelay(this::publish, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Stops at once: what is still pending (at most one interval of changes) is published again at the next start,
     * which publishes every leaderboard; flushing here could wait minutes for a broker gone first.
     */
    @Override
    public void stop() {
        running = false;
        sender.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
