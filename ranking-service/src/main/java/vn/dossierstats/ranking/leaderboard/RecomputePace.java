package vn.dossierstats.ranking.leaderboard;

import java.time.Duration;

/**
 * When the leaderboards touched since the last recomputation are recomputed again: at most once per interval, and
 * never more than a share of the time.
 *
 * <p>Why: a recomputation costs about the same whether one unit's counts changed or a thousand (the nationwide
 * commune leaderboard of a period ranks every commune again), and under load the statistics arrive in many small
 * polls. Recomputing after each poll spent most of ranking-service's CPU on leaderboards that the next poll replaced
 * anyway. Pacing batches the changes: under light load a change is ranked within one interval; under heavy load, where
 * a recomputation takes longer, the feed waits {@code idleFactor} times as long as the last one took, so that ranking
 * uses at most {@code 1 / (1 + idleFactor)} of a core and leaves the rest to the services that feed it.
 *
 * <p>Times are {@link System#nanoTime()} readings: durations on one machine, never dates.
 */
public final class RecomputePace {

    private final long intervalNanos;
    private final long idleFactor;
    private boolean started;
    private long notBefore;

    /**
     * @param interval the least time from one recomputation's start to the next one's
     * @param idleFactor how many times its own duration the feed waits after a recomputation before the next one
     */
    public RecomputePace(Duration interval, int idleFactor) {
        if (interval.isNegative() || idleFactor < 0) {
            throw new IllegalArgumentException("interval and idle factor must not be negative");
        }
        this.intervalNanos = interval.toNanos();
        this.idleFactor = idleFactor;
    }

    /** How long, from {@code now}, until a recomputation is due; 0 when it is due now. */
    public long nanosUntilDue(long now) {
        // differences, not comparisons: nanoTime readings may wrap
        return started ? Math.max(0, notBefore - now) : 0;
    }

    /** Records a recomputation that ran from {@code start} to {@code end}. */
    public void recomputed(long start, long end) {
        started = true;
        long afterInterval = start + intervalNanos;
        long afterRest = end + idleFactor * (end - start);
        notBefore = afterInterval - afterRest > 0 ? afterInterval : afterRest;
    }
}
