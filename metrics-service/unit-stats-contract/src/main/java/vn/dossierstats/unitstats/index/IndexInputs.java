package vn.dossierstats.unitstats.index;

import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The counts the national index is computed from, of a unit with its descendants in one period: every score of a
 * parent comes from these counts over its subtree, never from its children's scores.
 *
 * @param totalToProcess carried over + received in the period (the denominator of progress, digitisation, S)
 * @param handledOnTime ended early or on time, plus in progress within the deadline at the period's end
 * @param dissatisfied dossiers of totalToProcess whose latest rating before the period's end is DISSATISFIED
 * @param receivedNew received in the period
 * @param online received in the period online
 * @param feeBearingReceived received in the period with a fee to pay
 * @param feeBearingPaidOnline of those, paid online before the period's end
 * @param electronicResult ended in the period with an electronic result
 * @param digitised dossiers of totalToProcess received digitised
 * @param procedures the procedure-based counts (catalogue with events)
 *     <p>{@code dissatisfied}, {@code electronicResult}, {@code digitised} and {@code procedures} are null while they are
 *     not counted: their sub-indicators are then null and say what is missing, never scored as if the count were 0.
 */
public record IndexInputs(
        long totalToProcess,
        long handledOnTime,
        Long dissatisfied,
        long receivedNew,
        long online,
        long feeBearingReceived,
        long feeBearingPaidOnline,
        Long electronicResult,
        Long digitised,
        ProcedureInputs procedures) {

    /** The inputs that the counts of unit.stats.v1 give (the procedure-based ones null where not counted). */
    public static IndexInputs of(PeriodCounts c) {
        return new IndexInputs(
                c.totalToProcess(),
                c.early() + c.onTime() + c.withinDeadline(),
                c.dissatisfied(),
                c.receivedNew(),
                c.online(),
                c.feeRequired(),
                c.paidOnline(),
                c.electronicResult(),
                c.digitizedToProcess(),
                c.procedures());
    }

    /** Which procedures a figure counted as "in scope" (domain.md): those assigned, else those with a dossier. */
    public enum ProcedureScope {
        ASSIGNED,
        RECEIVED
    }

    /**
     * The procedure-based counts. At a unit with descendants {@code inScope}, {@code offeredOnline} and the fee-charging
     * counts are distinct procedures across the subtree, while the online-services-used pair counts unit–procedure pairs
     * (as DVCQG's province figures show: 406 of 1,968 pairs).
     *
     * @param scope which rule chose the procedures in scope
     * @param inScope procedures in scope (distinct)
     * @param offeredOnline of those, offered partly or fully online (distinct)
     * @param onlinePairs unit–procedure pairs in scope offered online
     * @param onlinePairsUsed of those pairs, with at least one online dossier received in the period
     * @param feeCharging fee-charging procedures in scope (distinct)
     * @param feeChargingPaidOnline of those, with a dossier paid online in the period
     * @param feeChargingUsed of those, with a dossier received in the period
     */
    public record ProcedureInputs(
            ProcedureScope scope,
            long inScope,
            long offeredOnline,
            long onlinePairs,
            long onlinePairsUsed,
            long feeCharging,
            long feeChargingPaidOnline,
            long feeChargingUsed) {

        public static final ProcedureInputs NONE = new ProcedureInputs(ProcedureScope.RECEIVED, 0, 0, 0, 0, 0, 0, 0);
    }
}
