package vn.dossierstats.metrics.report;

import java.time.LocalDate;
import java.time.YearMonth;
import vn.dossierstats.metrics.period.Granularity;
import vn.dossierstats.metrics.period.Period;

/**
 * Derives a period's report counts from buckets. A period's own bucket gives what happened in it; what was open or
 * overdue at an instant that starts a day is the sum of the net changes of every earlier bucket, taken as whole
 * years, then whole months of that year, then days of that month. What is still in progress at the end is what was
 * carried over plus what was received minus what ended, so totalToProcess = ended + inProgress always.
 */
public final class ReportCalculator {

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
        Counts own = buckets.get(unit, period.key());
        long carriedOver = before(unit, period.start()).openDelta();
        // open at the end = open at the start + received - ended: the report's identity holds by construction
        long open = carriedOver + own.receivedNew() - own.ended();
        long overdue = before(unit, end).overdueDelta();
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
                own.paidOnline());
    }

    /** The sum of every bucket strictly before the start of {@code day}. */
    Counts before(String unit, LocalDate day) {
        Counts sum = Counts.ZERO;
        for (int year = firstYear; year < day.getYear(); year++) {
            sum = sum.plus(buckets.get(unit, String.valueOf(year)));
        }
        for (int month = 1; month < day.getMonthValue(); month++) {
            sum = sum.plus(buckets.get(unit, YearMonth.of(day.getYear(), month).toString()));
        }
        for (int dayOfMonth = 1; dayOfMonth < day.getDayOfMonth(); dayOfMonth++) {
            sum = sum.plus(buckets.get(
                    unit,
                    Period.of(Granularity.DAY, day.withDayOfMonth(dayOfMonth)).key()));
        }
        return sum;
    }
}
