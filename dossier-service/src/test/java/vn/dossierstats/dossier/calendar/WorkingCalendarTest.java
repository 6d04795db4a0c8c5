package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class WorkingCalendarTest {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant BASE =
            LocalDateTime.of(2026, 1, 1, 0, 0).atZone(HCM).toInstant();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.of(
            HCM,
            WorkingCalendar.standard(HCM).periods(),
            WorkingCalendar.standard(HCM).weekend(),
            Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1)),
            Set.of(LocalDate.of(2026, 1, 10)));

    /** The oracle: walk minute by minute, counting the minutes that are working time. */
    private static Instant walk(Instant start, long minutes) {
        Instant t = start.truncatedTo(ChronoUnit.MINUTES);
        long left = minutes;
        while (!isWorkingMinute(t)) {
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        while (left > 0) {
            if (isWorkingMinute(t)) {
                left--;
            }
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        return t;
    }

    private static boolean isWorkingMinute(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, HCM);
        if (!CALENDAR.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        return CALENDAR.periods().stream()
                .anyMatch(p -> !local.toLocalTime().isBefore(p.start())
                        && local.toLocalTime().isBefore(p.end()));
    }

    @Property(tries = 300)
    void addingWorkingMinutesMatchesAMinuteByMinuteWalk(
            @ForAll @LongRange(min = 0, max = 60 * 24 * 120) long offsetMinutes,
            @ForAll @IntRange(min = 1, max = 8 * 60 * 12) int minutes) {
        Instant start = BASE.plus(offsetMinutes, ChronoUnit.MINUTES);
        Instant expected = walk(start, minutes);
        Instant actual = CALENDAR.plusWorkingMinutes(start, minutes);
        // the walk stops one minute after the last working minute; a sum ending at a period's end stays there
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 300)
    void nextWorkingMomentIsTheFirstWorkingMinuteAtOrAfter(
            @ForAll @LongRange(min = 0, max = 60 * 24 * 120) long offsetMinutes) {
        Instant start = BASE.plus(offsetMinutes, ChronoUnit.MINUTES);
        assertThat(CALENDAR.nextWorkingMoment(start)).isEqualTo(walk(start, 0));
    }

    @Property(tries = 100)
    void holidaysAreNeverWorkingAndSwappedSaturdaysAre(@ForAll @IntRange(min = 0, max = 364) int day) {
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(day);
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        boolean expected = date.equals(LocalDate.of(2026, 1, 10))
                || (!weekend && !CALENDAR.days().year(2026).holidays().contains(date));
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(expected);
    }
}
