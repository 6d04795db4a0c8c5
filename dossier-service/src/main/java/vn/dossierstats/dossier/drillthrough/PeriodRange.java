package vn.dossierstats.dossier.drillthrough;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report period as the statistics API names it (api.md: {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM},
 * {@code YYYY-MM-DD}): the local days [start, end).
 */
record PeriodRange(String key, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static Optional<PeriodRange> parse(String text) {
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                LocalDate start = Year.of(Integer.parseInt(m.group(1))).atDay(1);
                return Optional.of(new PeriodRange(text, start, start.plusYears(1)));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
                return Optional.of(new PeriodRange(text, start, start.plusMonths(3)));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                LocalDate start = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        .atDay(1);
                return Optional.of(new PeriodRange(text, start, start.plusMonths(1)));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of(new PeriodRange(text, day, day.plusDays(1)));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // 2026-13, 2026-02-30
        }
        return Optional.empty();
    }

    static PeriodRange month(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new PeriodRange(
                month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }
}
