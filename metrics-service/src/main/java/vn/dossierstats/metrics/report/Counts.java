package vn.dossierstats.metrics.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The additive counts of one unit in one bucket (a day, month, quarter or year). {@code openDelta},
 * {@code overdueDelta} and {@code digitizedOpenDelta} are net changes (+1 when a dossier opens, turns overdue or opens
 * digitised, -1 when it ends): their sum over every earlier bucket is the number open, overdue or open digitised at a
 * bucket's start. {@code electronicResult} and {@code dissatisfied} count in the bucket of the end (the national
 * index: results delivered electronically; dossiers whose latest rating before the bucket's period ends is
 * DISSATISFIED, so this one differs between a day and its month).
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
        long overdueDelta,
        long electronicResult,
        long dissatisfied,
        long digitizedOpenDelta) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of the period report alone, without the national index's. */
    public Counts(
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
        this(
                receivedNew,
                online,
                direct,
                postal,
                digitized,
                feeRequired,
                paidOnline,
                early,
                onTime,
                late,
                openDelta,
                overdueDelta,
                0,
                0,
                0);
    }

    /** As read from JSON: counts stored as JSON by earlier versions lack the national index's (an absent primitive would not read). */
    @JsonCreator
    public static Counts read(
            @JsonProperty("receivedNew") long receivedNew,
            @JsonProperty("online") long online,
            @JsonProperty("direct") long direct,
            @JsonProperty("postal") long postal,
            @JsonProperty("digitized") long digitized,
            @JsonProperty("feeRequired") long feeRequired,
            @JsonProperty("paidOnline") long paidOnline,
            @JsonProperty("early") long early,
            @JsonProperty("onTime") long onTime,
            @JsonProperty("late") long late,
            @JsonProperty("openDelta") long openDelta,
            @JsonProperty("overdueDelta") long overdueDelta,
            @JsonProperty("electronicResult") Long electronicResult,
            @JsonProperty("dissatisfied") Long dissatisfied,
            @JsonProperty("digitizedOpenDelta") Long digitizedOpenDelta) {
        return new Counts(
                receivedNew,
                online,
                direct,
                postal,
                digitized,
                feeRequired,
                paidOnline,
                early,
                onTime,
                late,
                openDelta,
                overdueDelta,
                electronicResult == null ? 0 : electronicResult,
                dissatisfied == null ? 0 : dissatisfied,
                digitizedOpenDelta == null ? 0 : digitizedOpenDelta);
    }

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
                overdueDelta + o.overdueDelta,
                electronicResult + o.electronicResult,
                dissatisfied + o.dissatisfied,
                digitizedOpenDelta + o.digitizedOpenDelta);
    }

    public Counts negate() {
        return ZERO.minus(this);
    }

    public Counts minus(Counts o) {
        return new Counts(
                receivedNew - o.receivedNew,
                online - o.online,
                direct - o.direct,
                postal - o.postal,
                digitized - o.digitized,
                feeRequired - o.feeRequired,
                paidOnline - o.paidOnline,
                early - o.early,
                onTime - o.onTime,
                late - o.late,
                openDelta - o.openDelta,
                overdueDelta - o.overdueDelta,
                electronicResult - o.electronicResult,
                dissatisfied - o.dissatisfied,
                digitizedOpenDelta - o.digitizedOpenDelta);
    }

    @JsonIgnore
    public boolean isZero() {
        return equals(ZERO);
    }

    public long ended() {
        return early + onTime + late;
    }
}
