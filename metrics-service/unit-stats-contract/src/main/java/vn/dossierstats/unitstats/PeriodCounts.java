package vn.dossierstats.unitstats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;

/**
 * The counts of the period report (domain.md) of one unit, with its descendants, in one period, before rates: what
 * metrics-service publishes and ranking-service ranks on. Unknown (newer) fields are ignored when read.
 *
 * <p>The national index's additive counts: {@code electronicResult} (dossiers ended in the period with an electronic
 * result), {@code dissatisfied} (dossiers of totalToProcess whose latest rating before the period's end is
 * DISSATISFIED) and {@code digitizedToProcess} (dossiers of totalToProcess received digitised). Records written before
 * them read as 0.
 *
 * <p>{@code procedures}: the procedure-based counts of the index (catalogue with events), or null where they are not
 * counted. They are not additive (distinct procedures across a subtree): the sum of two units' counts has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeriodCounts(
        long carriedOver,
        long receivedNew,
        long online,
        long direct,
        long postal,
        long early,
        long onTime,
        long late,
        long withinDeadline,
        long overdue,
        long digitized,
        long feeRequired,
        long paidOnline,
        long electronicResult,
        long dissatisfied,
        long digitizedToProcess,
        ProcedureInputs procedures) {

    public static final PeriodCounts ZERO = new PeriodCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts without the procedure-based ones. */
    public PeriodCounts(
            long carriedOver,
            long receivedNew,
            long online,
            long direct,
            long postal,
            long early,
            long onTime,
            long late,
            long withinDeadline,
            long overdue,
            long digitized,
            long feeRequired,
            long paidOnline,
            long electronicResult,
            long dissatisfied,
            long digitizedToProcess) {
        this(
                carriedOver,
                receivedNew,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                withinDeadline,
                overdue,
                digitized,
                feeRequired,
                paidOnline,
                electronicResult,
                dissatisfied,
                digitizedToProcess,
                null);
    }

    /** The same counts with these procedure-based ones. */
    public PeriodCounts withProcedures(ProcedureInputs procedures) {
        return new PeriodCounts(
                carriedOver,
                receivedNew,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                withinDeadline,
                overdue,
                digitized,
                feeRequired,
                paidOnline,
                electronicResult,
                dissatisfied,
                digitizedToProcess,
                procedures);
    }

    /**
     * The counts of two disjoint sets of dossiers together: every count adds up. The procedure-based counts do not
     * (a procedure used on both sides counts once): the sum keeps those of a side added to {@link #ZERO}, and has none
     * when both sides had them.
     */
    public PeriodCounts plus(PeriodCounts o) {
        return new PeriodCounts(
                carriedOver + o.carriedOver,
                receivedNew + o.receivedNew,
                online + o.online,
                direct + o.direct,
                postal + o.postal,
                early + o.early,
                onTime + o.onTime,
                late + o.late,
                withinDeadline + o.withinDeadline,
                overdue + o.overdue,
                digitized + o.digitized,
                feeRequired + o.feeRequired,
                paidOnline + o.paidOnline,
                electronicResult + o.electronicResult,
                dissatisfied + o.dissatisfied,
                digitizedToProcess + o.digitizedToProcess,
                this.equals(ZERO) ? o.procedures : o.equals(ZERO) ? procedures : null);
    }

    /** The period report's counts, the national index's 0. */
    public PeriodCounts(
            long carriedOver,
            long receivedNew,
            long online,
            long direct,
            long postal,
            long early,
            long onTime,
            long late,
            long withinDeadline,
            long overdue,
            long digitized,
            long feeRequired,
            long paidOnline) {
        this(
                carriedOver,
                receivedNew,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                withinDeadline,
                overdue,
                digitized,
                feeRequired,
                paidOnline,
                0,
                0,
                0);
    }

    /** As read: a record written before the national index's counts has none (an absent primitive would not read). */
    @JsonCreator
    public static PeriodCounts read(
            @JsonProperty("carriedOver") long carriedOver,
            @JsonProperty("receivedNew") long receivedNew,
            @JsonProperty("online") long online,
            @JsonProperty("direct") long direct,
            @JsonProperty("postal") long postal,
            @JsonProperty("early") long early,
            @JsonProperty("onTime") long onTime,
            @JsonProperty("late") long late,
            @JsonProperty("withinDeadline") long withinDeadline,
            @JsonProperty("overdue") long overdue,
            @JsonProperty("digitized") long digitized,
            @JsonProperty("feeRequired") long feeRequired,
            @JsonProperty("paidOnline") long paidOnline,
            @JsonProperty("electronicResult") Long electronicResult,
            @JsonProperty("dissatisfied") Long dissatisfied,
            @JsonProperty("digitizedToProcess") Long digitizedToProcess,
            @JsonProperty("procedures") ProcedureInputs procedures) {
        return new PeriodCounts(
                carriedOver,
                receivedNew,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                withinDeadline,
                overdue,
                digitized,
                feeRequired,
                paidOnline,
                electronicResult == null ? 0 : electronicResult,
                dissatisfied == null ? 0 : dissatisfied,
                digitizedToProcess == null ? 0 : digitizedToProcess,
                procedures);
    }

    public long totalToProcess() {
        return carriedOver + receivedNew;
    }

    public long ended() {
        return early + onTime + late;
    }

    public long inProgress() {
        return withinDeadline + overdue;
    }
}
