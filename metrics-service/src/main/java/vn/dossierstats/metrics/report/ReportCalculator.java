package vn.dossierstats.metrics.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * Derives a period's report counts from buckets. A period's own bucket gives what happened in it; what was open or
 * overdue at an instant that starts a day is the sum of the net changes of every earlier bucket, taken as whole
 * years, then whole months of that year, then days of that month. What is still in progress at the end is what was
 * carried over plus what was received minus what ended, so totalToProcess = ended + inProgress always.
 */
public final class ReportCalculator {

    /** A gap between two periods of a sweep up to this long is stepped over bucket by bucket, a longer one summed anew. */
    private static final int MAX_STEPPED_DAYS = 62;

    private final Buckets buckets;
    private final int firstYear;

    /** @param firstYear no bucket is older than this year (events before it are rejected upstream) */
    public ReportCalculator(Buckets buckets, int firstYear) {
        this.buckets = buckets;
        this.firstYear = firstYear;
    }

    /**
     * @param end the instant the period is judged at, as a local day boundary; for a running period, the day after
     *     today (every bucket up to now)
     */
    public PeriodCounts counts(String unit, Period period, LocalDate end) {
        return of(buckets.get(unit, period), before(unit, period.start()), before(unit, end));
    }

    /**
     * The counts of several periods of one granularity, as {@link #counts} gives them (a period that has not ended by
     * {@code today} is judged at the end of today), in one sweep: what was before each period is what was before the
     * previous one plus the previous one's bucket, so a run of consecutive periods costs one bucket read each instead
     * of a full sum each.
     *
     * @param periods of one granularity, earliest first
     */
    public List<PeriodCounts> counts(String unit, List<Period> periods, LocalDate today) {
        List<PeriodCounts> result = new ArrayList<>(periods.size());
        Period next = null;
        Counts before = Counts.ZERO;
        for (Period period : periods) {
            if (next == null || ChronoUnit.DAYS.between(next.start(), period.start()) > MAX_STEPPED_DAYS) {
                before = before(unit, period.start());
            } else {
                for (; next.compareTo(period) < 0; next = next.next()) {
                    before = before.plus(buckets.get(unit, next));
                }
            }
            Counts own = buckets.get(unit, period);
            if (period.end().isAfter(today)) {
                result.add(of(own, before, before(unit, today.plusDays(1))));
            } else {
                result.add(of(own, before, before.plus(own)));
            }
            before = before.plus(own);
            next = period.next();
        }
        return result;
    }

    /**
     * @param before the sum of the buckets before the period's start
     * @param beforeEnd the sum of the buckets before the instant the period is judged at
     */
    private static PeriodCounts of(Counts own, Counts before, Counts beforeEnd) {
        long carriedOver = before.openDelta();
        // open at the end = open at the start + received - ended: the report's identity holds by construction
        long open = carriedOver + own.receivedNew() - own.ended();
        long overdue = beforeEnd.overdueDelta();
        return new PeriodCounts(
                carriedOver,
                own.receivedNew(),
                own.online(),
                own.direct(),
                own.postal(),
                own.early(),
                own.onTime(),
                own.late(),
                open - overdue,
                overdue,
                own.digitized(),
                own.feeRequired(),
                own.paidOnline(),
                own.electronicResult(),
                own.dissatisfied(),
                // the digitised among totalToProcess: those open at the start, plus those received in the period
                before.digitizedOpenDelta() + own.digitized());
    }

    /** The sum of every bucket strictly before the start of {@code day}. */
    Counts before(String unit, LocalDate day) {
        Period year = Period.of(Granularity.YEAR, day);
        Period month = Period.of(Granularity.MONTH, day);
        return buckets.sum(unit, Period.of(Granularity.YEAR, LocalDate.of(firstYear, 1, 1)), year)
                .plus(buckets.sum(unit, Period.of(Granularity.MONTH, year.start()), month))
                .plus(buckets.sum(unit, Period.of(Granularity.DAY, month.start()), Period.of(Granularity.DAY, day)));
    }
}
