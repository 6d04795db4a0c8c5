package vn.dossierstats.dossier.drillthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodRangeTest {

    @Test
    void everyGranularityOfTheApiIsItsLocalDays() {
        assertThat(PeriodRange.parse("2026")).contains(range("2026", "2026-01-01", "2027-01-01"));
        assertThat(PeriodRange.parse("2026-Q3")).contains(range("2026-Q3", "2026-07-01", "2026-10-01"));
        assertThat(PeriodRange.parse("2026-02")).contains(range("2026-02", "2026-02-01", "2026-03-01"));
        assertThat(PeriodRange.parse("2026-12-31")).contains(range("2026-12-31", "2026-12-31", "2027-01-01"));
    }

    @Test
    void whatIsNoPeriodIsRefused() {
        assertThat(PeriodRange.parse("2026-13")).isEmpty();
        assertThat(PeriodRange.parse("2026-02-30")).isEmpty();
        assertThat(PeriodRange.parse("2026-Q5")).isEmpty();
        assertThat(PeriodRange.parse("26")).isEmpty();
        assertThat(PeriodRange.parse("2026-7")).isEmpty();
    }

    @Test
    void theDefaultIsTheMonthOfTheDay() {
        assertThat(PeriodRange.month(LocalDate.parse("2026-07-15")))
                .isEqualTo(range("2026-07", "2026-07-01", "2026-08-01"));
    }

    @Test
    void figuresAreNamedAsTheReportsFields() {
        assertThat(Figure.of("overdue")).contains(Figure.OVERDUE);
        assertThat(Figure.of("onTime")).contains(Figure.ON_TIME);
        assertThat(Figure.of("ON_TIME")).contains(Figure.ON_TIME);
        assertThat(Figure.of("receivedNew")).contains(Figure.RECEIVED_NEW);
        assertThat(Figure.of("nope")).isEmpty();
    }

    private static PeriodRange range(String key, String start, String end) {
        return new PeriodRange(key, LocalDate.parse(start), LocalDate.parse(end));
    }
}
