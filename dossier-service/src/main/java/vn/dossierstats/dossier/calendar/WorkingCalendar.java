package vn.dossierstats.dossier.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working time as data: the daily working periods, the weekend, and per year the holidays and weekend days made
 * working. All arithmetic happens in local time of {@link #zone()}; instants go in and out.
 */
public record WorkingCalendar(ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekend, YearDays days) {

    /** The days of each year that differ from the weekly pattern. */
    public interface YearDays {
        YearCalendar year(int year);
    }

    /** A daily interval of working time, [start, end). */
    public record WorkingPeriod(LocalTime start, LocalTime end) {
        public WorkingPeriod {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("working period must end after it starts: " + start + "-" + end);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    public WorkingCalendar {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one working period");
        }
        periods = List.copyOf(periods);
        weekend = Set.copyOf(weekend);
    }

    /** A calendar with the same holidays and swapped days every year it is asked about (tests, examples). */
    public static WorkingCalendar of(
            ZoneId zone,
            List<WorkingPeriod> periods,
            Set<DayOfWeek> weekend,
            Set<LocalDate> holidays,
            Set<LocalDate> workingWeekendDays) {
        Map<Integer, YearCalendar> years = new ConcurrentHashMap<>();
        return new WorkingCalendar(
                zone,
                periods,
                weekend,
                year -> years.computeIfAbsent(
                        year,
                        y -> new YearCalendar(
                                y,
                                holidays.stream().filter(d -> d.getYear() == y).collect(Collectors.toSet()),
                                workingWeekendDays.stream()
                                        .filter(d -> d.getYear() == y)
                                        .collect(Collectors.toSet()))));
    }

    /** Vietnam's default: Monday to Friday, 07:00–11:30 and 13:30–17:00, no holidays. */
    public static WorkingCalendar standard(ZoneId zone) {
        return of(zone, STANDARD_PERIODS, STANDARD_WEEKEND, Set.of(), Set.of());
    }

    public static final List<WorkingPeriod> STANDARD_PERIODS = List.of(
            new WorkingPeriod(LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 0)));
    public static final Set<DayOfWeek> STANDARD_WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public boolean isWorkingDay(LocalDate date) {
        YearCalendar year = days.year(date.getYear());
        if (year.holidays().contains(date)) {
            return false;
        }
        return !weekend.contains(date.getDayOfWeek()) || year.workingDays().contains(date);
    }

    public LocalTime dayStart() {
        return periods.getFirst().start();
    }

    public LocalTime dayEnd() {
        return periods.getLast().end();
    }

    public LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first working moment at or after {@code instant}. */
    public Instant nextWorkingMoment(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day)) {
            for (WorkingPeriod period : periods) {
                if (local.toLocalTime().isBefore(period.end())) {
                    LocalTime time =
                            local.toLocalTime().isBefore(period.start()) ? period.start() : local.toLocalTime();
                    return at(day, time);
                }
            }
        }
        return startOf(nextWorkingDay(day));
    }

    /**
     * Adds working time to a moment, exactly (seconds and fractions kept: nothing is rounded); a sum that ends exactly
     * at a period's end stays there.
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative");
        }
        LocalDateTime local = LocalDateTime.ofInstant(nextWorkingMoment(start), zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        Duration left = amount;
        while (true) {
            for (WorkingPeriod period : periods) {
                if (!time.isBefore(period.end())) {
                    continue;
                }
                LocalTime from = time.isAfter(period.start()) ? time : period.start();
                Duration available = Duration.between(from, period.end());
                if (left.compareTo(available) <= 0) {
                    return at(day, from.plus(left));
                }
                left = left.minus(available);
            }
            day = nextWorkingDay(day);
            time = LocalTime.MIN;
        }
    }

    public Duration workingTimePerDay() {
        return periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    public Instant startOf(LocalDate day) {
        return at(day, dayStart());
    }

    public Instant endOf(LocalDate day) {
        return at(day, dayEnd());
    }

    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
