package vn.dossierstats.metrics.report;

/** The counts of the period report (domain.md) for one unit and period, before rates. */
public record PeriodCounts(
        long carriedOver,
        long receivedNew,
        long online,
        long direct,
        long postal,
        long early,
        long onTime,
        long late,
        long withinDeadline,
        long overdue,
        long digitized,
        long feeRequired,
        long paidOnline) {

    public long totalToProcess() {
        return carriedOver + receivedNew;
    }

    public long ended() {
        return early + onTime + late;
    }

    public long inProgress() {
        return withinDeadline + overdue;
    }
}
