package vn.dossierstats.unitstats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in local time, [start, end), written as in the API: {@code 2026}, {@code 2026-Q3},
 * {@code 2026-07}, {@code 2026-07-15}.
 */
public record Period(Granularity granularity, LocalDate start) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                return Optional.of(of(
                        Granularity.YEAR, Year.of(Integer.parseInt(m.group(1))).atDay(1)));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                int month = (Integer.parseInt(m.group(2)) - 1) * 3 + 1;
                return Optional.of(of(Granularity.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), month, 1)));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                return Optional.of(of(
                        Granularity.MONTH,
                        YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                .atDay(1)));
            }
            if ((m = DAY.matcher(text)).matches()) {
                return Optional.of(of(
                        Granularity.DAY,
                        LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The period of the given granularity that contains {@code date}. */
    public static Period of(Granularity granularity, LocalDate date) {
        LocalDate start =
                switch (granularity) {
                    case DAY -> date;
                    case MONTH -> date.withDayOfMonth(1);
                    case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    case YEAR -> date.withDayOfYear(1);
                };
        return new Period(granularity, start);
    }

    /** The exclusive end. */
    public LocalDate end() {
        return switch (granularity) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    public Period next() {
        return new Period(granularity, end());
    }

    public Period previous() {
        return of(granularity, start.minusDays(1));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end());
    }

    public String key() {
        return switch (granularity) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return key();
    }
}
