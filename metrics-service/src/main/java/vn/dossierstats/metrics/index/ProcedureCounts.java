package vn.dossierstats.metrics.index;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureScope;

/**
 * The procedure-based counts of the national index of a unit with its descendants in a period (domain.md, "The
 * national index"), from the catalogue and what each unit of the subtree received.
 *
 * <p>A unit's procedures in scope are those assigned to it in the catalogue or, where none are, those it received a
 * dossier of in the period. Across the subtree, procedures in scope, offered online and fee-charging count distinct
 * procedures; the online services used count unit–procedure pairs (as DVCQG's province figures: 406 of 1,968 pairs).
 * The figure's {@link ProcedureScope} is {@code ASSIGNED} when any unit of the subtree has assigned procedures.
 */
public final class ProcedureCounts {

    /** What the catalogue says of a procedure: offered partly or fully online; charges a fee. */
    public record Traits(boolean offeredOnline, boolean feeCharging) {

        public static final Traits NONE = new Traits(false, false);
    }

    private ProcedureCounts() {}

    /**
     * @param members the subtree's units on the period's map (the unit itself included)
     * @param usage by unit of the subtree, by procedure code: what the unit itself received in the period (a unit
     *     with usage that is not among {@code members}, e.g. one that has since left, counts as a member)
     * @param assigned the procedures assigned to a unit (empty where none are)
     * @param traits what the catalogue says of a procedure ({@link Traits#NONE} for one it does not know)
     */
    public static ProcedureInputs of(
            Collection<String> members,
            Map<String, Map<String, ProcedureUsage>> usage,
            Function<String, List<String>> assigned,
            Function<String, Traits> traits) {
        Set<String> units = new LinkedHashSet<>(members);
        units.addAll(usage.keySet());
        Set<String> inScope = new HashSet<>();
        Set<String> receivedInSubtree = new HashSet<>();
        Set<String> paidOnlineInSubtree = new HashSet<>();
        boolean anyAssigned = false;
        long onlinePairs = 0;
        long onlinePairsUsed = 0;
        for (String unit : units) {
            Map<String, ProcedureUsage> own = usage.getOrDefault(unit, Map.of());
            own.forEach((procedure, used) -> {
                if (used.received() > 0) {
                    receivedInSubtree.add(procedure);
                }
                if (used.paidOnline() > 0) {
                    paidOnlineInSubtree.add(procedure);
                }
            });
            List<String> scope = assigned.apply(unit);
            if (scope.isEmpty()) {
                scope = own.entrySet().stream()
                        .filter(e -> e.getValue().received() > 0)
                        .map(Map.Entry::getKey)
                        .toList();
            } else {
                anyAssigned = true;
            }
            for (String procedure : scope) {
                inScope.add(procedure);
                if (traits.apply(procedure).offeredOnline()) {
                    onlinePairs++;
                    ProcedureUsage used = own.get(procedure);
                    if (used != null && used.online() > 0) {
                        onlinePairsUsed++;
                    }
                }
            }
        }
        long offeredOnline = 0;
        long feeCharging = 0;
        long feeChargingPaidOnline = 0;
        long feeChargingUsed = 0;
        for (String procedure : inScope) {
            Traits t = traits.apply(procedure);
            if (t.offeredOnline()) {
                offeredOnline++;
            }
            if (t.feeCharging()) {
                feeCharging++;
                if (paidOnlineInSubtree.contains(procedure)) {
                    feeChargingPaidOnline++;
                }
                if (receivedInSubtree.contains(procedure)) {
                    feeChargingUsed++;
                }
            }
        }
        return new ProcedureInputs(
                anyAssigned ? ProcedureScope.ASSIGNED : ProcedureScope.RECEIVED,
                inScope.size(),
                offeredOnline,
                onlinePairs,
                onlinePairsUsed,
                feeCharging,
                feeChargingPaidOnline,
                feeChargingUsed);
    }
}
