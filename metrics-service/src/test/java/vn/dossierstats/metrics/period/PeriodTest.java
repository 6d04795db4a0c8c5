package vn.dossierstats.metrics.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void parsesEachGranularityWithItsBounds() {
        assertThat(Period.parse("2026").orElseThrow().end()).isEqualTo(LocalDate.of(2027, 1, 1));
        Period q3 = Period.parse("2026-Q3").orElseThrow();
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Period.parse("2026-02").orElseThrow().end()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(Period.parse("2026-07-15").orElseThrow().key()).isEqualTo("2026-07-15");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2026-13", "2026-Q5", "26-07", "2026-02-30", "2026-7", "", "2026-Q0", "abcd", "2026-07-15T00"})
    void rejectsMalformedPeriods(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @Test
    void previousPeriodHasTheSameGranularity() {
        assertThat(Period.parse("2026-07").orElseThrow().previous().key()).isEqualTo("2026-06");
        assertThat(Period.parse("2026-Q1").orElseThrow().previous().key()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026").orElseThrow().previous().key()).isEqualTo("2025");
        assertThat(Period.parse("2026-03-01").orElseThrow().previous().key()).isEqualTo("2026-02-28");
    }
}
