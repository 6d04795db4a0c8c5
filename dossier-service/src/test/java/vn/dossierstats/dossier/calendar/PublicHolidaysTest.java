package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHolidaysTest {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** Tết (1st day of the 1st lunar month) and the Hùng Kings' day (10/3 lunar), as published. */
    @ParameterizedTest(name = "lunar new year {0} is {1}, Hùng Kings {2}")
    @CsvSource({
        "2020, 2020-01-25, 2020-04-02",
        "2023, 2023-01-22, 2023-04-29",
        "2024, 2024-02-10, 2024-04-18",
        "2025, 2025-01-29, 2025-04-07",
        "2026, 2026-02-17, 2026-04-26",
        "2027, 2027-02-06, 2027-04-16",
        "2028, 2028-01-26, 2028-04-04"
    })
    void lunarDatesMatchThePublishedCalendar(int year, LocalDate tet, LocalDate hungKings) {
        assertThat(LunarCalendar.toSolar(year, 1, 1)).isEqualTo(tet);
        assertThat(LunarCalendar.toSolar(year, 3, 10)).isEqualTo(hungKings);
    }

    @ParameterizedTest(name = "{0} is a holiday by default")
    @CsvSource({
        "2026-01-01",
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
        "2026-04-30",
        "2026-05-01",
        "2026-09-02"
    })
    void theLabourCodeHolidaysAreDefaults(LocalDate day) {
        assertThat(PublicHolidays.of(day.getYear(), WEEKEND)).contains(day);
    }

    @ParameterizedTest(name = "{0}: a holiday on a weekend gives {1} off")
    @CsvSource({
        // Hùng Kings' day 2026 is a Sunday: Monday 27 April is compensatory
        "2026-04-26, 2026-04-27",
        // 2 September 2028 is a Saturday (with 3 September, Sunday): Monday 4 and Tuesday 5 are compensatory
        "2028-09-02, 2028-09-04",
        "2028-09-03, 2028-09-05"
    })
    void aHolidayOnAWeekendGivesACompensatoryDay(LocalDate holiday, LocalDate compensatory) {
        assertThat(PublicHolidays.of(holiday.getYear(), WEEKEND)).contains(holiday, compensatory);
    }
}
