package vn.dossierstats.metrics.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.Territories;
import vn.dossierstats.unitstats.UnitSpan;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;

/**
 * The procedure-based counts the statistics are published with, computed again only when they can have changed: a
 * unit of the subtree received its first dossier of a procedure in the period (or its last was taken back), or the
 * catalogue changed. Most facts change neither, and a unit's publication then costs no read of its usage.
 */
final class PublishedProcedures {

    /** How many (unit, period) answers are kept, the least recently published dropped first. */
    private static final int KEPT = 20_000;

    private static final Duration MAP_FRESHNESS = Duration.ofSeconds(1);

    private record Kept(String unit, Period period, ProcedureInputs inputs, long catalogue) {}

    private final ProcedureIndex index;
    private final ReadOnlyKeyValueStore<String, ?> units;
    private final CatalogueVersion catalogue;
    private final Clock clock;
    private final Set<String> changed = new HashSet<>();
    private final Map<String, Kept> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    private long seen;
    private Territories territories;
    private Instant territoriesReadAt;

    PublishedProcedures(
            ProcedureIndex index, ReadOnlyKeyValueStore<String, ?> units, CatalogueVersion catalogue, Clock clock) {
        this.index = index;
        this.units = units;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The presence of some procedure usage of the unit in the period changed. */
    void changed(String unit, Period period) {
        changed.add(BucketStore.key(unit, period));
    }

    /** Calls {@code republish} with every kept (unit, period) when the catalogue changed since the last call. */
    void republishOnCatalogueChange(BiConsumer<String, Period> republish) {
        long current = catalogue.current();
        if (current == seen) {
            return;
        }
        seen = current;
        for (Kept k : List.copyOf(kept.values())) {
            republish.accept(k.unit(), k.period());
        }
    }

    ProcedureInputs of(String unit, Period period) {
        String key = BucketStore.key(unit, period);
        long version = catalogue.current();
        Kept k = kept.get(key);
        if (k != null && k.catalogue() == version && !changed.contains(key)) {
            return k.inputs();
        }
        changed.remove(key);
        ProcedureInputs inputs = index.of(
                unit, period, territories().subtreeOn(unit, period.end().minusDays(1)));
        kept.put(key, new Kept(unit, period, inputs, version));
        return inputs;
    }

    private Territories territories() {
        Instant now = clock.instant();
        if (territories == null || territoriesReadAt.plus(MAP_FRESHNESS).isBefore(now)) {
            List<UnitSpan> spans = new ArrayList<>();
            try (var all = units.all()) {
                all.forEachRemaining(entry -> {
                    // the global table's store may hand its values with their timestamps
                    Object value =
                            entry.value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : entry.value;
                    if (value instanceof UnitRecord unit) {
                        spans.add(unit.span());
                    }
                });
            }
            territories = new Territories(spans);
            territoriesReadAt = now;
        }
        return territories;
    }
}
