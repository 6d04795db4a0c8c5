package vn.dossierstats.unitstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    @CsvSource({
        "2026-07,2026-06",
        "2026-01,2025-12",
        "2026-Q3,2026-Q2",
        "2026-Q1,2025-Q4",
        "2026,2025",
        "2026-03-01,2026-02-28",
        "2024-03-01,2024-02-29",
        "2026-07-15,2026-07-14"
    })
    void thePreviousPeriodHasTheSameGranularity(String period, String previous) {
        Period parsed = Period.parse(period).orElseThrow();
        assertThat(parsed.key()).isEqualTo(period);
        assertThat(parsed.previous().key()).isEqualTo(previous);
        assertThat(parsed.previous().next()).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-13",
                "2026-00",
                "2026-02-30",
                "2026-Q5",
                "2026-Q0",
                "26-07",
                "2026-7",
                "2026-07-1",
                "2026/07",
                "",
                " 2026",
                "2026-W01",
                "20266"
            })
    void malformedPeriodsAreRejected(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }
}
