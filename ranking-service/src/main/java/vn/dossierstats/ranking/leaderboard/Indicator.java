package vn.dossierstats.ranking.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.dossierstats.unitstats.PeriodCounts;

/** What a leaderboard ranks by; each value is a fraction of counts, the denominator being the volume. */
public enum Indicator {
    /** (early + onTime) / ended, 4 decimals. */
    ON_TIME_RATE(1, 4),
    /** 20 × (early + onTime + withinDeadline) / totalToProcess, 2 decimals. */
    PROGRESS_SCORE(20, 2),
    /** online / receivedNew, 4 decimals. */
    ONLINE_SHARE(1, 4);

    private final int factor;
    private final int scale;

    Indicator(int factor, int scale) {
        this.factor = factor;
        this.scale = scale;
    }

    public long numerator(PeriodCounts c) {
        return switch (this) {
            case ON_TIME_RATE -> c.early() + c.onTime();
            case PROGRESS_SCORE -> c.early() + c.onTime() + c.withinDeadline();
            case ONLINE_SHARE -> c.online();
        };
    }

    public long volume(PeriodCounts c) {
        return switch (this) {
            case ON_TIME_RATE -> c.early() + c.onTime() + c.late();
            case PROGRESS_SCORE -> c.carriedOver() + c.receivedNew();
            case ONLINE_SHARE -> c.receivedNew();
        };
    }

    /** The published value, half-up from the exact fraction; null without volume. */
    public BigDecimal value(PeriodCounts counts) {
        long volume = volume(counts);
        if (volume == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator(counts))
                .multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(volume), scale, RoundingMode.HALF_UP);
    }
}
