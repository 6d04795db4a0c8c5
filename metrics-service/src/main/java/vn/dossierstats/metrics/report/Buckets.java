package vn.dossierstats.metrics.report;

/** Read access to the per-unit, per-period counts (a state store in production, a map in tests). */
@FunctionalInterface
public interface Buckets {

    /** The counts of {@code unitCode|periodKey}, or {@link Counts#ZERO}. */
    Counts get(String unitCode, String periodKey);
}
