package vn.dossierstats.unitstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Period#parse} reads by hand exactly what the API's grammar, written as regular expressions, accepts. */
class PeriodParsingTest {

    @Property(tries = 5000)
    void parsesExactlyWhatTheGrammarAccepts(@ForAll("texts") String text) {
        assertThat(Period.parse(text)).as(text).isEqualTo(Oracle.parse(text));
    }

    @Property(tries = 2000)
    void everyPeriodReadsBackFromItsKey(@ForAll("periods") Period period) {
        assertThat(Period.parse(period.key())).contains(period);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nearlyKeys = Arbitraries.strings()
                .withChars("0123456789-Q")
                .withChars('٣', 'q', ' ', '+')
                .ofMaxLength(11);
        Arbitrary<String> dayShaped = Combinators.combine(
                        Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99))
                .as((y, m, d) -> "%04d-%02d-%02d".formatted(y, m, d));
        Arbitrary<String> monthShaped = Combinators.combine(
                        Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 99))
                .as((y, m) -> "%04d-%02d".formatted(y, m));
        Arbitrary<String> quarterShaped = Combinators.combine(
                        Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 9))
                .as((y, q) -> "%04d-Q%d".formatted(y, q));
        return Arbitraries.oneOf(
                nearlyKeys, dayShaped, monthShaped, quarterShaped, periods().map(Period::key));
    }

    @Provide
    Arbitrary<Period> periods() {
        return Combinators.combine(
                        Arbitraries.of(Granularity.class),
                        Arbitraries.longs()
                                .between(
                                        LocalDate.of(1900, 1, 1).toEpochDay(),
                                        LocalDate.of(2200, 12, 31).toEpochDay()))
                .as((granularity, day) -> Period.of(granularity, LocalDate.ofEpochDay(day)));
    }

    /** The grammar as the regular expressions {@link Period#parse} used before it read by hand. */
    private static final class Oracle {
        private static final Pattern YEAR = Pattern.compile("(\\d{4})");
        private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
        private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
        private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

        static Optional<Period> parse(String text) {
            try {
                Matcher m;
                if ((m = YEAR.matcher(text)).matches()) {
                    return Optional.of(Period.of(
                            Granularity.YEAR,
                            Year.of(Integer.parseInt(m.group(1))).atDay(1)));
                }
                if ((m = QUARTER.matcher(text)).matches()) {
                    int month = (Integer.parseInt(m.group(2)) - 1) * 3 + 1;
                    return Optional.of(
                            Period.of(Granularity.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), month, 1)));
                }
                if ((m = MONTH.matcher(text)).matches()) {
                    return Optional.of(Period.of(
                            Granularity.MONTH,
                            YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                    .atDay(1)));
                }
                if ((m = DAY.matcher(text)).matches()) {
                    return Optional.of(Period.of(
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
    }
}
