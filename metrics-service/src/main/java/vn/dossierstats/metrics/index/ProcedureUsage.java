package vn.dossierstats.metrics.index;

/**
 * How many dossiers of one procedure one unit received in one period (its own, not its descendants'): all of them,
 * those received online, and the fee-bearing ones paid online before the period's end. The procedure-based
 * sub-indicators of the national index ask only whether each is above 0; the counts make a retraction exact.
 */
public record ProcedureUsage(long received, long online, long paidOnline) {

    public static final ProcedureUsage ZERO = new ProcedureUsage(0, 0, 0);

    public ProcedureUsage plus(ProcedureUsage o) {
        return new ProcedureUsage(received + o.received, online + o.online, paidOnline + o.paidOnline);
    }

    public ProcedureUsage negate() {
        return new ProcedureUsage(-received, -online, -paidOnline);
    }

    public boolean isZero() {
        return received == 0 && online == 0 && paidOnline == 0;
    }

    /** Which of the three are above 0: two usages with the same presence give the same index. */
    public int presence() {
        return (received > 0 ? 1 : 0) | (online > 0 ? 2 : 0) | (paidOnline > 0 ? 4 : 0);
    }
}
