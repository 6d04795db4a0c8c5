package vn.dossierstats.metrics.stream;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.ByteUtils;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.unitstats.Period;

/**
 * The procedure usage as kept in its state store, under {@code unit|<granularity letter><period>|<unit that
 * received>|<procedure>} (the bucket's key, then the rest of {@link Contributions#usageKey}): what every unit of a
 * unit's subtree received of every procedure in one period is one prefix read.
 */
public final class UsageStore {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, ProcedureUsage> store;

    public UsageStore(ReadOnlyKeyValueStore<String, ProcedureUsage> store) {
        this.store = store;
    }

    /** @param usageKey {@code <period key>|<unit that received>|<procedure>} */
    static String key(String unit, Period period, String usageKey) {
        return BucketStore.key(unit, period) + usageKey.substring(period.key().length());
    }

    /** By unit that received, then procedure: what the unit's subtree received in the period. */
    public Map<String, Map<String, ProcedureUsage>> of(String unit, Period period) {
        String prefix = BucketStore.key(unit, period) + "|";
        Map<String, Map<String, ProcedureUsage>> usage = new HashMap<>();
        try (var entries = store.prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> {
                String rest = entry.key.substring(prefix.length());
                int bar = rest.indexOf('|');
                usage.computeIfAbsent(rest.substring(0, bar), u -> new HashMap<>())
                        .put(rest.substring(bar + 1), entry.value);
            });
        }
        return usage;
    }

    /** Three varlongs. */
    static Serde<ProcedureUsage> serde() {
        return Serdes.serdeFrom(
                (topic, usage) -> {
                    if (usage == null) {
                        return null;
                    }
                    ByteBuffer buffer = ByteBuffer.allocate(30);
                    ByteUtils.writeVarlong(usage.received(), buffer);
                    ByteUtils.writeVarlong(usage.online(), buffer);
                    ByteUtils.writeVarlong(usage.paidOnline(), buffer);
                    return java.util.Arrays.copyOf(buffer.array(), buffer.position());
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    return new ProcedureUsage(
                            ByteUtils.readVarlong(buffer),
                            ByteUtils.readVarlong(buffer),
                            ByteUtils.readVarlong(buffer));
                });
    }
}
