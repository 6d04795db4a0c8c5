package vn.dossierstats.metrics.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The additive counts of one unit in one bucket (a day, month, quarter or year). {@code openDelta} and
 * {@code overdueDelta} are net changes (+1 when a dossier opens or turns overdue, -1 when it ends): their sum over
 * every earlier bucket is the number open, or overdue, at a bucket's start.
 */
public record Counts(
        long receivedNew,
        long online,
        long direct,
        long postal,
        long digitized,
        long feeRequired,
        long paidOnline,
        long early,
        long onTime,
        long late,
        long openDelta,
        long overdueDelta) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(
                receivedNew + o.receivedNew,
                online + o.online,
                direct + o.direct,
                postal + o.postal,
                digitized + o.digitized,
                feeRequired + o.feeRequired,
                paidOnline + o.paidOnline,
                early + o.early,
                onTime + o.onTime,
                late + o.late,
                openDelta + o.openDelta,
                overdueDelta + o.overdueDelta);
    }

    public Counts negate() {
        return ZERO.minus(this);
    }

    public Counts minus(Counts o) {
        return plus(new Counts(
                -o.receivedNew,
                -o.online,
                -o.direct,
                -o.postal,
                -o.digitized,
                -o.feeRequired,
                -o.paidOnline,
                -o.early,
                -o.onTime,
                -o.late,
                -o.openDelta,
                -o.overdueDelta));
    }

    @JsonIgnore
    public boolean isZero() {
        return equals(ZERO);
    }

    public long ended() {
        return early + onTime + late;
    }
}
