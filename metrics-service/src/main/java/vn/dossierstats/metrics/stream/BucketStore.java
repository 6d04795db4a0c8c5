package vn.dossierstats.metrics.stream;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.dossierstats.metrics.report.Buckets;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.unitstats.Period;

/**
 * The buckets as kept in the state store, under {@code unit|<granularity letter><period>}, e.g. {@code 01|M2026-07}:
 * the buckets of one unit and granularity are contiguous and in time order, so the sum of a run of them (every year
 * before this one, every month of this year before this month, ...) is one range read of only the buckets that
 * exist, whatever the history's length.
 */
public final class BucketStore implements Buckets {

    private final ReadOnlyKeyValueStore<String, Counts> store;

    public BucketStore(ReadOnlyKeyValueStore<String, Counts> store) {
        this.store = store;
    }

    public static String key(String unitCode, Period period) {
        char granularity =
                switch (period.granularity()) {
                    case DAY -> 'D';
                    case MONTH -> 'M';
                    case QUARTER -> 'Q';
                    case YEAR -> 'Y';
                };
        return unitCode + "|" + granularity + period.key();
    }

    @Override
    public Counts get(String unitCode, Period period) {
        Counts counts = store.get(key(unitCode, period));
        return counts == null ? Counts.ZERO : counts;
    }

    @Override
    public Counts sum(String unitCode, Period from, Period to) {
        Period last = to.previous();
        if (last.compareTo(from) < 0) {
            return Counts.ZERO;
        }
        Counts sum = Counts.ZERO;
        // both ends included
        try (var range = store.range(key(unitCode, from), key(unitCode, last))) {
            while (range.hasNext()) {
                sum = sum.plus(range.next().value);
            }
        }
        return sum;
    }
}
