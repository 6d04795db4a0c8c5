package vn.dossierstats.metrics.index;

import vn.dossierstats.metrics.report.IndexCounts;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The index inputs the buckets give: the period report's counts and the index's own (electronic results, digitised
 * dossiers among totalToProcess, dislikes). The procedure-based counts are not kept yet: they stay null, and their
 * sub-indicators say so.
 */
public final class IndexOfCounts {

    private IndexOfCounts() {}

    public static IndexInputs inputs(PeriodCounts c, IndexCounts index) {
        return new IndexInputs(
                c.totalToProcess(),
                c.early() + c.onTime() + c.withinDeadline(),
                index.dissatisfied(),
                c.receivedNew(),
                c.online(),
                c.feeRequired(),
                c.paidOnline(),
                index.electronicResult(),
                index.digitizedToProcess(),
                null);
    }

    public static Scorecard scorecard(PeriodCounts counts, IndexCounts index) {
        return NationalIndex.of(inputs(counts, index));
    }
}
