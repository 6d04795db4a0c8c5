package vn.dossierstats.metrics.index;

import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.NationalIndex;
import vn.dossierstats.unitstats.index.Scorecard;

/**
 * The index inputs the buckets give: the period report's counts with the index's own (electronic results, digitised
 * dossiers among totalToProcess, dislikes). The procedure-based counts are not kept yet: they stay null, and their
 * sub-indicators say so. ranking-service ranks on the same function of the same counts (unit.stats.v1).
 */
public final class IndexOfCounts {

    private IndexOfCounts() {}

    public static Scorecard scorecard(PeriodCounts counts) {
        return NationalIndex.of(IndexInputs.of(counts));
    }
}
