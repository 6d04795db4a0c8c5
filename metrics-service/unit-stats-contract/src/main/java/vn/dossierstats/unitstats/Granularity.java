package vn.dossierstats.unitstats;

/** The lengths of period the reports are kept for. */
public enum Granularity {
    DAY,
    MONTH,
    QUARTER,
    YEAR
}
