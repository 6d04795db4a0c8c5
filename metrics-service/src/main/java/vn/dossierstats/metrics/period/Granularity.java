package vn.dossierstats.metrics.period;

/** The lengths of period the reports are kept for. */
public enum Granularity {
    DAY,
    MONTH,
    QUARTER,
    YEAR
}
