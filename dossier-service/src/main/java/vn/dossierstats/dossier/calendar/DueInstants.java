package vn.dossierstats.dossier.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** The due instant (ngày hẹn trả) of a dossier from its procedure, as domain.md defines it. */
public final class DueInstants {

    private final WorkingCalendar calendar;

    public DueInstants(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param receivedAt the receipt instant
     * @param cutoff a same-day cut-off: a receipt strictly after it starts counting the next working day
     */
    public Instant due(Instant receivedAt, ProcessingTime time, Optional<LocalTime> cutoff) {
        return switch (time.unit()) {
            case CALENDAR_DAYS -> calendarDays(receivedAt, time.value());
            case WORKING_DAYS ->
                calendar.plusWorkingTime(
                        start(receivedAt, cutoff), calendar.workingTimePerDay().multipliedBy(time.value()));
            case WORKING_HOURS -> calendar.plusWorkingTime(start(receivedAt, cutoff), Duration.ofHours(time.value()));
        };
    }

    private Instant start(Instant receivedAt, Optional<LocalTime> cutoff) {
        LocalDate day = calendar.localDate(receivedAt);
        LocalTime time = receivedAt.atZone(calendar.zone()).toLocalTime();
        if (cutoff.isPresent() && calendar.isWorkingDay(day) && time.isAfter(cutoff.get())) {
            return calendar.startOf(calendar.nextWorkingDay(day));
        }
        return calendar.nextWorkingMoment(receivedAt);
    }

    private Instant calendarDays(Instant receivedAt, int days) {
        LocalDate day = calendar.localDate(receivedAt).plusDays(days);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return calendar.endOf(day);
    }
}
