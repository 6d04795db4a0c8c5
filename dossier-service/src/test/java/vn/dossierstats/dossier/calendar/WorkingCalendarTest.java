package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
        Instant actual = CALENDAR.plusWorkingTime(start, Duration.ofMinutes(minutes));
        // the walk stops one minute after the last working minute; a sum ending at a period's end stays there
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 300)
    void nextWorkingMomentIsTheFirstWorkingMinuteAtOrAfter(
            @ForAll @LongRange(min = 0, max = 60 * 24 * 120) long offsetMinutes) {
        Instant start = BASE.plus(offsetMinutes, ChronoUnit.MINUTES);
        assertThat(CALENDAR.nextWorkingMoment(start)).isEqualTo(walk(start, 0));
    }

    /** The second oracle: the working time between two instants, as the overlap with each day's periods. */
    private static Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = LocalDate.ofInstant(from, HCM);
                !day.isAfter(LocalDate.ofInstant(to, HCM));
                day = day.plusDays(1)) {
            if (!CALENDAR.isWorkingDay(day)) {
                continue;
            }
            for (WorkingCalendar.WorkingPeriod period : CALENDAR.periods()) {
                Instant start = day.atTime(period.start()).atZone(HCM).toInstant();
                Instant end = day.atTime(period.end()).atZone(HCM).toInstant();
                Instant a = start.isAfter(from) ? start : from;
                Instant b = end.isBefore(to) ? end : to;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    @Property(tries = 500)
    void addingWorkingTimeKeepsEverySecondAndFraction(
            @ForAll @LongRange(min = 0, max = 86_400L * 120) long offsetSeconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @LongRange(min = 1, max = 3600L * 8 * 12) long seconds) {
        Instant start = BASE.plusSeconds(offsetSeconds).plusNanos(nanos);
        Duration amount = Duration.ofSeconds(seconds);
        Instant due = CALENDAR.plusWorkingTime(start, amount);
        assertThat(workingTimeBetween(start, due)).isEqualTo(amount);
        // the first instant with that much working time behind it: inside a working period or at its end
        assertThat(workingTimeBetween(start, due.minusNanos(1))).isLessThan(amount);
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
