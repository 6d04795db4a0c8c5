package vn.dossierstats.metrics.report;

import java.util.HashMap;
import java.util.Map;
import vn.dossierstats.unitstats.Period;

/**
 * Buckets whose sums are read once and then remembered, for one pass over buckets that do not change meanwhile (a
 * publication of the statistics). A unit's running day, month, quarter and year share most of their prefix sums (the
 * years before this one, the months of this year before this month, the days of this month before today): read
 * each once, a publication of the four costs five range reads instead of twenty.
 */
public final class RememberedSums implements Buckets {

    private record Range(String unitCode, Period from, Period to) {}

    private final Buckets buckets;
    private final Map<Range, Counts> sums = new HashMap<>();

    public RememberedSums(Buckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Counts get(String unitCode, Period period) {
        return buckets.get(unitCode, period);
    }

    @Override
    public Counts sum(String unitCode, Period from, Period to) {
        if (to.compareTo(from) <= 0) {
            return Counts.ZERO; // nothing to read, nothing to remember
        }
        Range range = new Range(unitCode, from, to);
        Counts sum = sums.get(range);
        if (sum == null) {
            sum = buckets.sum(unitCode, from, to);
            sums.put(range, sum);
        }
        return sum;
    }
}
