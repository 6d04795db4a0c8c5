package vn.dossierstats.metrics.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.dossierstats.metrics.index.ProcedureCounts;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;

/**
 * The procedure-based counts of the national index of a unit in a period, from the usage store that holds the unit's
 * buckets and the catalogue's global stores ({@link ProcedureCounts} is the rule).
 */
public final class ProcedureIndex {

    private final UsageStore usage;
    private final ReadOnlyKeyValueStore<String, ProcedureRecord> procedures;
    private final ReadOnlyKeyValueStore<String, UnitProceduresRecord> assignments;

    public ProcedureIndex(
            ReadOnlyKeyValueStore<String, ProcedureUsage> usage,
            ReadOnlyKeyValueStore<String, ProcedureRecord> procedures,
            ReadOnlyKeyValueStore<String, UnitProceduresRecord> assignments) {
        this.usage = new UsageStore(usage);
        this.procedures = procedures;
        this.assignments = assignments;
    }

    /** @param members the unit's subtree on the period's map, the unit included */
    public ProcedureInputs of(String unit, Period period, Collection<String> members) {
        return of(members, usage(unit, period));
    }

    /** By unit that received, then procedure: what the unit's subtree received in the period. */
    public Map<String, Map<String, ProcedureUsage>> usage(String unit, Period period) {
        return usage.of(unit, period);
    }

    /** @param usage what the units of {@code members} received, by unit, then procedure */
    public ProcedureInputs of(Collection<String> members, Map<String, Map<String, ProcedureUsage>> usage) {
        return ProcedureCounts.of(
                members,
                usage,
                code -> {
                    UnitProceduresRecord assigned = assignments.get(code);
                    return assigned == null ? List.of() : assigned.procedures();
                },
                code -> {
                    ProcedureRecord procedure = procedures.get(code);
                    return procedure == null ? ProcedureCounts.Traits.NONE : procedure.traits();
                });
    }
}
