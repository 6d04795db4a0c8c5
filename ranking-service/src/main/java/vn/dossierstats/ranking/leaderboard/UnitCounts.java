package vn.dossierstats.ranking.leaderboard;

/** The counts of a unit (with its descendants) in a period, as metrics-service publishes them on unit.stats.v1. */
public record UnitCounts(
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

    public static final UnitCounts ZERO = new UnitCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
