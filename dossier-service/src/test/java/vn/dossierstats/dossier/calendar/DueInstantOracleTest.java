package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.dossierstats.dossier.lifecycle.Classification;

/**
 * Due instants and classifications against a deliberately simple oracle: walk the calendar minute by minute. Random
 * calendars (holidays, swapped Saturdays), receipts, cut-offs and processing times.
 */
class DueInstantOracleTest {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate ORIGIN = LocalDate.of(2026, 1, 1);

    @Property(tries = 10_000)
    void dueInstantsAndClassificationsAgreeWithTheMinuteWalk(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int value,
            @ForAll @IntRange(min = 0, max = 2) int unitIndex,
            @ForAll boolean withCutoff,
            @ForAll @IntRange(min = 0, max = 60 * 24 * 60) int receiptMinute,
            @ForAll @IntRange(min = -3000, max = 3000) int endOffsetMinutes) {
        Random random = new Random(seed);
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> swapped = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            LocalDate day = ORIGIN.plusDays(random.nextInt(90));
            if (day.getDayOfWeek().getValue() >= 6 && random.nextBoolean()) {
                swapped.add(day);
            } else {
                holidays.add(day);
            }
        }
        swapped.removeAll(holidays);
        WorkingCalendar calendar = WorkingCalendar.of(
                HCM, WorkingCalendar.STANDARD_PERIODS, WorkingCalendar.STANDARD_WEEKEND, holidays, swapped);
        ProcessingTime time = new ProcessingTime(value, ProcessingTime.Unit.values()[unitIndex]);
        Optional<LocalTime> cutoff = withCutoff ? Optional.of(LocalTime.of(15, 0)) : Optional.empty();
        Instant received = ORIGIN.atStartOfDay(HCM).toInstant().plus(receiptMinute, ChronoUnit.MINUTES);

        Instant due = new DueInstants(calendar).due(received, time, cutoff);
        assertThat(due).isEqualTo(oracleDue(calendar, received, time, cutoff));

        Instant end = due.plus(endOffsetMinutes, ChronoUnit.MINUTES);
        Classification expected = end.isAfter(due)
                ? Classification.LATE
                : LocalDate.ofInstant(end, HCM).isBefore(LocalDate.ofInstant(due, HCM))
                        ? Classification.EARLY
                        : Classification.ON_TIME;
        assertThat(Classification.of(end, due, HCM)).isEqualTo(expected);
    }

    private static Instant oracleDue(
            WorkingCalendar calendar, Instant received, ProcessingTime time, Optional<LocalTime> cutoff) {
        LocalDateTime local = LocalDateTime.ofInstant(received, HCM);
        if (time.unit() == ProcessingTime.Unit.CALENDAR_DAYS) {
            LocalDate day = local.toLocalDate().plusDays(time.value());
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day.atTime(17, 0).atZone(HCM).toInstant();
        }
        LocalDateTime t = local.truncatedTo(ChronoUnit.MINUTES).plusSeconds(local.getSecond() > 0 ? 60 : 0);
        if (cutoff.isPresent()
                && calendar.isWorkingDay(local.toLocalDate())
                && local.toLocalTime().isAfter(cutoff.get())) {
            t = local.toLocalDate().plusDays(1).atStartOfDay();
        }
        long minutes = time.unit() == ProcessingTime.Unit.WORKING_DAYS ? time.value() * 480L : time.value() * 60L;
        while (!working(calendar, t)) {
            t = t.plusMinutes(1);
        }
        while (minutes > 0) {
            if (working(calendar, t)) {
                minutes--;
            }
            t = t.plusMinutes(1);
        }
        return t.atZone(HCM).toInstant();
    }

    private static boolean working(WorkingCalendar calendar, LocalDateTime t) {
        if (!calendar.isWorkingDay(t.toLocalDate())) {
            return false;
        }
        LocalTime time = t.toLocalTime();
        return calendar.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }
}
