package vn.dossierstats.metrics.report;

import vn.dossierstats.unitstats.Period;

/** Read access to the per-unit, per-period counts (a state store in production, a map in tests). */
public interface Buckets {

    /** The counts of the unit's bucket of {@code period}, or {@link Counts#ZERO}. */
    Counts get(String unitCode, Period period);

    /**
     * The sum of the unit's buckets of {@code from}'s granularity from {@code from} up to {@code to}, excluded. A store
     * answers it with one range read; this default reads each bucket.
     */
    default Counts sum(String unitCode, Period from, Period to) {
        Counts sum = Counts.ZERO;
        for (Period period = from; period.compareTo(to) < 0; period = period.next()) {
            sum = sum.plus(get(unitCode, period));
        }
        return sum;
    }
}
