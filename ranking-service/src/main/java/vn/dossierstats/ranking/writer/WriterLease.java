package vn.dossierstats.ranking.writer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.RankingProperties;

/**
 * Which instance writes. Every instance computes every leaderboard from the same topics and serves reads, but the
 * history in PostgreSQL and the records on {@code leaderboards.v1} must be written once per change, not once per
 * instance. The instance that holds a PostgreSQL session advisory lock writes; the others stand by, remembering the
 * latest content of every leaderboard that changed, and write it when they take the lock over.
 *
 * <p>Why a session lock on a connection of its own: it is released by PostgreSQL itself when the holder goes — at
 * once when it stops (it unlocks), as soon as the backend sees the socket close when the process is killed, within
 * TCP keep-alive when the network is lost — so no lease table, no clock and no fencing token are needed. A writer
 * checks its connection every {@code ranking.writer-check-interval} and steps down the moment it fails; a moment of
 * two writers (a holder cut off from the database still sending to Kafka) writes the same contents twice, which the
 * compacted topic and the history's digest comparison absorb.
 */
@Component
public class WriterLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriterLease.class);
    /** The advisory lock's key: "ranking writer". */
    static final long LOCK = 0x52414E4B57L;

    private final DataSource dataSource;
    private final Duration checkInterval;
    private final AtomicLong terms = new AtomicLong();
    private volatile boolean held;
    private volatile boolean running;
    private ScheduledExecutorService checker;
    /** Touched by the checker thread only (and by stop, after the checker has ended). */
    private Connection connection;

    public WriterLease(DataSource dataSource, RankingProperties properties) {
        this.dataSource = dataSource;
        this.checkInterval = properties.writerCheckInterval();
    }

    /** Whether this instance writes now. */
    public boolean held() {
        return held;
    }

    /**
     * How many times this instance has taken the lease: a writer that lost it and took it back must not trust what it
     * remembered of the database, another instance may have written meanwhile.
     */
    public long term() {
        return terms.get();
    }

    /** Keeps the lease, or tries to take it; steps down when the connection that holds it fails. */
    void check() {
        try {
            if (connection == null || !connection.isValid(2)) {
                stepDown("its database connection failed");
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            if (!held && tryLock()) {
                terms.incrementAndGet();
                held = true;
                log.info("This instance now writes the leaderboard history and topic");
            }
        } catch (SQLException e) {
            stepDown(e.getMessage());
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void stepDown(String reason) {
        if (held) {
            held = false;
            log.info("This instance no longer writes the leaderboard history and topic: {}", reason);
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it failed already; the lock goes with its session
            }
            connection = null;
        }
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ranking-writer-lease").daemon().factory());
        checker.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Gives the lease up at once, so that a standby instance takes over at its next check, not after a timeout. */
    @Override
    public void stop() {
        running = false;
        checker.shutdownNow();
        try {
            checker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stepDown("it stops");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the recorder and the publisher (which stop earlier and start later): they write while the lease lives. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
