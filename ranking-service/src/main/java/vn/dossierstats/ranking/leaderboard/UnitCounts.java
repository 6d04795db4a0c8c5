package vn.dossierstats.ranking.leaderboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The counts of a unit in a period, as metrics-service publishes them on unit.stats.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
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
