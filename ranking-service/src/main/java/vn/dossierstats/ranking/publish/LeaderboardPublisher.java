package vn.dossierstats.ranking.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 */
@Component
class LeaderboardPublisher implements LeaderboardListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaderboardPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final WriterLease lease;
    private final String topic;
    private final Clock clock;
    private final long intervalMillis;
    private final Coalescer<String, Leaderboard> pending = Coalescer.latestOnly();
    /** The change instant of the latest send per key: a failed older send is not retried over a newer one. */
    private final Map<String, Instant> latestSent = new ConcurrentHashMap<>();

    private final Counter published;
    private final Counter failures;
    private ScheduledExecutorService sender;
    private volatile boolean running;

    LeaderboardPublisher(
            KafkaTemplate<String, String> kafka,
            WriterLease lease,
            RankingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.lease = lease;
        this.topic = properties.topics().leaderboards();
        this.clock = clock;
        this.intervalMillis = properties.publishInterval().toMillis();
        this.published = Counter.builder("ranking.leaderboards.published")
                .description("Leaderboard records sent to the leaderboard topic")
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
        if (!lease.held()) {
            return;
        }
        for (Coalescer.Pending<String, Leaderboard> p : pending.drain()) {
            try {
                latestSent.put(p.key(), p.at());
                kafka.send(topic, p.key(), LeaderboardTopic.value(p.value(), p.at()))
                        .whenComplete((result, failure) -> {
                            if (failure == null) {
                                published.increment();
                            } else {
                                failed(p, failure);
                            }
                        });
            } catch (RuntimeException e) {
                failed(p, e);
            }
        }
    }

    private void failed(Coalescer.Pending<String, Leaderboard> p, Throwable failure) {
        failures.increment();
        log.warn("Could not publish leaderboard {}: {}", p.key(), failure.getMessage());
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
