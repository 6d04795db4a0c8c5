package vn.dossierstats.ranking.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.index.IndexGroup;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.NationalIndex;
import vn.dossierstats.unitstats.index.Scorecard;

/**
 * What a leaderboard ranks by. The report's indicators are fractions of counts, the denominator being the volume; the
 * national index's (Decision 766) are the published scores of the total or of a group, computed by the same function
 * of the same counts as metrics-service's index endpoint, with totalToProcess as the volume (domain.md).
 */
public enum Indicator {
    /** (early + onTime) / ended, 4 decimals. */
    ON_TIME_RATE(1, 4, null),
    /** 20 × (early + onTime + withinDeadline) / totalToProcess, 2 decimals. */
    PROGRESS_SCORE(20, 2, null),
    /** online / receivedNew, 4 decimals. */
    ONLINE_SHARE(1, 4, null),
    /** The index's total over its derivable sub-indicators, 2 decimals. */
    INDEX_766(0, 2, null),
    INDEX_766_PROGRESS(0, 2, IndexGroup.PROGRESS),
    INDEX_766_ONLINE_SERVICES(0, 2, IndexGroup.ONLINE_SERVICES),
    INDEX_766_ONLINE_PAYMENT(0, 2, IndexGroup.ONLINE_PAYMENT),
    INDEX_766_DIGITISATION(0, 2, IndexGroup.DIGITISATION),
    INDEX_766_SATISFACTION(0, 2, IndexGroup.SATISFACTION);

    private final int factor;
    private final int scale;
    private final IndexGroup group;

    Indicator(int factor, int scale, IndexGroup group) {
        this.factor = factor;
        this.scale = scale;
        this.group = group;
    }

    private boolean ofTheIndex() {
        return name().startsWith("INDEX_766");
    }

    public long numerator(PeriodCounts c) {
        return switch (this) {
            case ON_TIME_RATE -> c.early() + c.onTime();
            case PROGRESS_SCORE -> c.early() + c.onTime() + c.withinDeadline();
            case ONLINE_SHARE -> c.online();
            default -> throw new UnsupportedOperationException(name() + " is a score, not one fraction");
        };
    }

    public long volume(PeriodCounts c) {
        return switch (this) {
            case ON_TIME_RATE -> c.early() + c.onTime() + c.late();
            case ONLINE_SHARE -> c.receivedNew();
            // progress and every index indicator: totalToProcess
            default -> c.carriedOver() + c.receivedNew();
        };
    }

    /**
     * The scorecards of the counts ranked lately: the six index indicators of one unit and period ask for the same
     * one, one after another, and a scorecard is exact fractions, dearer than the rest of a ranking. Dropped whole
     * when it grows past {@link #SCORECARDS_KEPT}: a pure function's memo, never stale.
     */
    private static final Map<PeriodCounts, Scorecard> SCORECARDS = new ConcurrentHashMap<>();

    private static final int SCORECARDS_KEPT = 20_000;

    private static Scorecard scorecard(PeriodCounts counts) {
        if (SCORECARDS.size() > SCORECARDS_KEPT) {
            SCORECARDS.clear();
        }
        return SCORECARDS.computeIfAbsent(counts, c -> NationalIndex.of(IndexInputs.of(c)));
    }

    /** The published value, half-up from the exact fraction (or exact sum); null without volume or inputs. */
    public BigDecimal value(PeriodCounts counts) {
        long volume = volume(counts);
        if (volume == 0) {
            return null;
        }
        if (ofTheIndex()) {
            Scorecard card = scorecard(counts);
            Double score = group == null
                    ? card.total().score()
                    : card.groups().of(group).score();
            return score == null ? null : BigDecimal.valueOf(score).setScale(scale, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(numerator(counts))
                .multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(volume), scale, RoundingMode.HALF_UP);
    }
}
