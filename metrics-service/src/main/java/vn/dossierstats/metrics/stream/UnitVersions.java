package vn.dossierstats.metrics.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A version per unit that changes whenever a bucket of the unit may have changed, so that a report computed from the
 * unit's buckets can be reused for exactly as long as its version stands. The stream thread calls {@link #changed}
 * after it has written a unit's buckets; a reader takes the version before it reads them. A reader that sees a version
 * therefore sees at least the buckets written before it was handed out, and a later write hands out a new one.
 *
 * <p>{@link #reset()} changes every unit's version at once: when the store may have changed under the counters (a
 * rebalance, a restoration from the changelog, a new streams instance), nothing computed before is reused.
 *
 * <p>Versions come from one sequence and are never handed out twice by an instance; they mean nothing to another
 * instance or after a restart, so they are never shown to clients.
 */
@Component
public class UnitVersions {

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** The version of every unit that has not changed since the last reset. */
    private volatile long floor;

    /** The unit's current version. */
    public long of(String unitCode) {
        Long version = versions.get(unitCode);
        long base = floor;
        return version == null || version < base ? base : version;
    }

    /** Called by the stream thread after it wrote buckets of the unit. */
    public void changed(String unitCode) {
        versions.put(unitCode, sequence.incrementAndGet());
    }

    /** Every unit gets a new version. */
    public void reset() {
        floor = sequence.incrementAndGet();
        versions.clear();
    }
}
