package vn.dossierstats.unitstats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A reporting period in local time, [start, end), written as in the API: {@code 2026}, {@code 2026-Q3},
 * {@code 2026-07}, {@code 2026-07-15}.
 */
public record Period(Granularity granularity, LocalDate start) implements Comparable<Period> {

    /**
     * The period a text names ({@code 2026}, {@code 2026-Q3}, {@code 2026-07}, {@code 2026-07-15}, ASCII digits only),
     * or empty when it names none (another shape, a month 13, a 30 February). Read by hand, not with regular
     * expressions: the statistics stream and the ranking feed parse a period for every record they read.
     */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        if (year < 0) {
            return Optional.empty();
        }
        try {
            return switch (text.length()) {
                case 4 -> Optional.of(of(Granularity.YEAR, LocalDate.of(year, 1, 1)));
                case 7 -> {
                    if (text.charAt(4) != '-') {
                        yield Optional.empty();
                    }
                    if (text.charAt(5) == 'Q') {
                        int quarter = digits(text, 6, 7);
                        yield quarter >= 1 && quarter <= 4
                                ? Optional.of(of(Granularity.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1)))
                                : Optional.empty();
                    }
                    int month = digits(text, 5, 7);
                    yield month < 0
                            ? Optional.empty()
                            : Optional.of(of(Granularity.MONTH, LocalDate.of(year, month, 1)));
                }
                case 10 -> {
                    int month = digits(text, 5, 7);
                    int day = digits(text, 8, 10);
                    yield text.charAt(4) != '-' || text.charAt(7) != '-' || month < 0 || day < 0
                            ? Optional.empty()
                            : Optional.of(of(Granularity.DAY, LocalDate.of(year, month, day)));
                }
                default -> Optional.empty();
            };
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number the ASCII digits {@code [from, to)} of {@code text} write, or -1 if any is not one (or missing). */
    private static int digits(String text, int from, int to) {
        if (text.length() < to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
