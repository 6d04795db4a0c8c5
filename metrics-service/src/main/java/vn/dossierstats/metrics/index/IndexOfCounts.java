package vn.dossierstats.metrics.index;

import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The index inputs the period report's counts give: progress, dossiers online and dossiers paid online. The counts of
 * the other derivable sub-indicators (electronic results, digitised stock, ratings, procedures) are not kept by the
 * buckets yet: they stay null, and their sub-indicators say so.
 */
public final class IndexOfCounts {

    private IndexOfCounts() {}

    public static IndexInputs inputs(PeriodCounts c) {
        return new IndexInputs(
                c.totalToProcess(),
                c.early() + c.onTime() + c.withinDeadline(),
                null,
                c.receivedNew(),
                c.online(),
                c.feeRequired(),
                c.paidOnline(),
                null,
                null,
                null);
    }

    public static Scorecard scorecard(PeriodCounts counts) {
        return NationalIndex.of(inputs(counts));
    }
}
