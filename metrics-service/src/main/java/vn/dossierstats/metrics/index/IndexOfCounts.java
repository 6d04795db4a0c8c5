package vn.dossierstats.metrics.index;

import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.NationalIndex;
import vn.dossierstats.unitstats.index.Scorecard;

/**
 * The scorecard of a unit's counts: the period report's with the index's own (electronic results, digitised dossiers
 * among totalToProcess, dislikes) and the procedure-based ones where they were counted (else their sub-indicators say
 * what is missing). ranking-service ranks on the same function of the same counts (unit.stats.v1).
 */
public final class IndexOfCounts {

    private IndexOfCounts() {}

    public static Scorecard scorecard(PeriodCounts counts) {
        return NationalIndex.of(IndexInputs.of(counts));
    }
}
