package vn.dossierstats.ranking.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Coalescer;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardListener;
import vn.dossierstats.ranking.writer.WriterLease;

/**
 * Records the history of leaderboards in PostgreSQL, off the feed's thread: a change is only remembered (the latest
 * content per leaderboard); a thread of its own writes what changed once per {@code ranking.history.interval}, in one
 * batch, skipping a content equal to the one last stored (so a restart, which reports every leaderboard, writes only
 * those that changed meanwhile). The last content of each local day is always written, even when a change follows
 * within the interval: the end of every period is a local midnight, so "as it stood at the end of the quarter" is
 * exact. Older history is thinned to one snapshot per leaderboard and local day ({@link SnapshotStore#thin}).
 *
 * <p>Only the instance that holds the {@link WriterLease} writes and thins; another keeps the latest content of each
 * changed leaderboard, and writes it when it takes the lease over (the digest comparison skips what the previous
 * writer stored already).
 */
@Component
class SnapshotRecorder implements LeaderboardListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRecorder.class);

    private final SnapshotStore store;
    private final WriterLease lease;
    private final Clock clock;
    private final ZoneId zone;
    private final RankingProperties.History settings;
    private final Coalescer<String, Leaderboard> pending;
    /** The digest of the latest content stored per leaderboard; touched only by the writer thread. */
    private final Map<String, byte[]> stored = new HashMap<>();
    /** The lease term {@link #stored} was learnt in: in a later one another instance may have written meanwhile. */
    private long storedTerm;

    private final Counter written;
    private final Counter failures;
    private ScheduledExecutorService writer;
    /** The cutoff of the last thinning: older snapshots are already one per day (touched by the writer only). */
    private Instant thinnedUntil;

    private volatile boolean running;

    SnapshotRecorder(
            SnapshotStore store, WriterLease lease, Clock clock, RankingProperties properties, MeterRegistry meters) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.settings = properties.history();
        this.pending = new Coalescer<>((older, newer) -> !localDate(older).equals(localDate(newer)));
        this.written = Counter.builder("ranking.snapshots.written")
                .description("Leaderboard snapshots stored")
                .register(meters);
        this.failures = Counter.builder("ranking.snapshots.failures")
                .description("Batches of leaderboard snapshots that could not be stored (retried)")
                .register(meters);
        Gauge.builder("ranking.snapshots.pending", pending, Coalescer::pending)
                .description("Leaderboards changed and not yet stored")
                .register(meters);
    }

    @Override
    public void updated(List<Leaderboard> boards) {
        Instant at = clock.instant();
        for (Leaderboard board : boards) {
            pending.offer(board.id(), board, at);
        }
    }

    /** Stores what changed since the last call; on failure keeps it for the next. */
    void write() {
        if (!lease.held()) {
            // standing by: the latest content of each leaderboard is all a takeover needs
            pending.forgetSuperseded();
            return;
        }
        if (storedTerm != lease.term()) {
            stored.clear();
            storedTerm = lease.term();
        }
        List<Coalescer.Pending<String, Leaderboard>> batch = pending.drain();
        if (batch.isEmpty()) {
            return;
        }
        try {
            Set<String> unknown = new HashSet<>();
            batch.forEach(p -> {
                if (!stored.containsKey(p.key())) {
                    unknown.add(p.key());
                }
            });
            // the latest stored digest of each key of the batch: known here, else asked once of the database
            Map<String, byte[]> digests = new HashMap<>();
            batch.forEach(p -> {
                if (stored.containsKey(p.key())) {
                    digests.put(p.key(), stored.get(p.key()));
                }
            });
            digests.putAll(store.latestDigests(unknown));
            List<SnapshotStore.Row> rows = new ArrayList<>();
            for (Coalescer.Pending<String, Leaderboard> p : batch) {
                String content = store.serialize(p.value());
                byte[] digest = sha256(content);
                if (!Arrays.equals(digest, digests.get(p.key()))) {
                    rows.add(new SnapshotStore.Row(p.key(), p.at(), digest, content));
                    digests.put(p.key(), digest);
                }
            }
            store.insert(rows);
            stored.putAll(digests);
            written.increment(rows.size());
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Could not store {} leaderboard snapshots, retrying: {}", batch.size(), e.getMessage());
            pending.retry(batch);
        }
    }

    void thin() {
        if (!lease.held()) {
            return;
        }
        try {
            Instant cutoff = clock.instant().minus(settings.fineRetention());
            // a day's snapshots may straddle the previous cutoff: look one day further back than it
            Instant from = thinnedUntil == null ? Instant.EPOCH : thinnedUntil.minus(Duration.ofDays(1));
            int deleted = store.thin(from, cutoff);
            thinnedUntil = cutoff;
            log.debug("Thinned {} leaderboard snapshots", deleted);
        } catch (RuntimeException e) {
            log.warn("Could not thin leaderboard snapshots: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ranking-history").daemon().factory());
        long interval = settings.interval().toMillis();
        writer.scheduleWithFixedDelay(this::write, interval, interval, TimeUnit.MILLISECONDS);
        long thinEvery = settings.thinEvery().toMillis();
        writer.scheduleWithFixedDelay(this::thin, thinEvery, thinEvery, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Writes what is pending once more before the data source closes (a later phase), for at most a few seconds: a
     * database gone first must not hold up the shutdown. What is lost then is recorded at the next start, which
     * reports every leaderboard again.
     */
    @Override
    public void stop() {
        running = false;
        writer.shutdownNow();
        try {
            if (writer.awaitTermination(5, TimeUnit.SECONDS)) {
                Thread last = Thread.ofPlatform()
                        .name("ranking-history-last")
                        .daemon()
                        .start(this::write);
                last.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static byte[] sha256(String content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
