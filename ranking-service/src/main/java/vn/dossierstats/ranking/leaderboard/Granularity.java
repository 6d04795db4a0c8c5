package vn.dossierstats.ranking.leaderboard;

/** The lengths of period the reports are kept for. */
public enum Granularity {
    DAY,
    MONTH,
    QUARTER,
    YEAR
}
