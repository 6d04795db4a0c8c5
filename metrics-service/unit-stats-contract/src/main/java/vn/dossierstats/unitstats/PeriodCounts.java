package vn.dossierstats.unitstats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The counts of the period report (domain.md) of one unit, with its descendants, in one period, before rates: what
 * metrics-service publishes and ranking-service ranks on. Unknown (newer) fields are ignored when read.
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
        long paidOnline) {

    public static final PeriodCounts ZERO = new PeriodCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of two disjoint sets of dossiers together: every count adds up. */
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
                paidOnline + o.paidOnline);
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
