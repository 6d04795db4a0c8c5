package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueInstantsTest {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final DueInstants due = new DueInstants(WorkingCalendar.standard(HCM));

    @ParameterizedTest(name = "{0}: received {1}, {2} {3}, cut-off {4} -> due {5}")
    @CsvSource(delimiter = '|', textBlock = """
            Saturday receipt, 1 working day        | 2026-07-04T10:00 | 1 | WORKING_DAYS  |       | 2026-07-06T17:00
            Monday morning, 1 working day          | 2026-07-06T08:00 | 1 | WORKING_DAYS  |       | 2026-07-07T08:00
            Friday afternoon, 1 working day        | 2026-07-03T16:00 | 1 | WORKING_DAYS  |       | 2026-07-06T16:00
            lunch break rolls to 13:30             | 2026-07-06T12:00 | 1 | WORKING_DAYS  |       | 2026-07-07T11:30
            after 17:00 rolls to next day          | 2026-07-06T18:00 | 3 | WORKING_DAYS  |       | 2026-07-09T17:00
            15:00:00 counts that day               | 2026-07-06T15:00 | 1 | WORKING_DAYS  | 15:00 | 2026-07-07T15:00
            15:01 after cut-off starts next day    | 2026-07-06T15:01 | 1 | WORKING_DAYS  | 15:00 | 2026-07-07T17:00
            Friday after cut-off                   | 2026-07-03T15:30 | 1 | WORKING_DAYS  | 15:00 | 2026-07-06T17:00
            working hours across lunch             | 2026-07-06T10:30 | 2 | WORKING_HOURS |       | 2026-07-06T14:30
            working hours after cut-off            | 2026-07-06T16:00 | 4 | WORKING_HOURS | 15:00 | 2026-07-07T11:00
            calendar days land on a weekday        | 2026-07-06T09:00 | 3 | CALENDAR_DAYS |       | 2026-07-09T17:00
            calendar days landing on Saturday      | 2026-07-08T09:00 | 3 | CALENDAR_DAYS |       | 2026-07-13T17:00
            calendar days ignore the cut-off       | 2026-07-06T16:00 | 1 | CALENDAR_DAYS | 15:00 | 2026-07-07T17:00
            seconds are kept, never rounded        | 2013-10-07T09:32:21 | 1 | WORKING_DAYS |     | 2013-10-08T09:32:21
            a second before the cut-off counts     | 2013-08-09T14:59:59 | 3 | WORKING_DAYS | 15:00 | 2013-08-14T14:59:59
            15:00:01 is after the cut-off          | 2026-07-06T15:00:01 | 1 | WORKING_DAYS | 15:00 | 2026-07-07T17:00
            """)
    void dueInstantFollowsTheDomainRules(
            String name,
            LocalDateTime received,
            int value,
            ProcessingTime.Unit unit,
            LocalTime cutoff,
            LocalDateTime expected) {
        Instant actual = due.due(local(received), new ProcessingTime(value, unit), Optional.ofNullable(cutoff));
        assertThat(actual.atZone(HCM).toLocalDateTime()).isEqualTo(expected);
    }

    /** The Labour Code calendar of 2026 (Tết 16–20 February) and a Saturday made working (2026-03-07). */
    private static final WorkingCalendar VIETNAM_2026 = new WorkingCalendar(
            HCM,
            WorkingCalendar.STANDARD_PERIODS,
            WorkingCalendar.STANDARD_WEEKEND,
            year -> new YearCalendar(
                    year,
                    PublicHolidays.of(year, WorkingCalendar.STANDARD_WEEKEND),
                    year == 2026 ? java.util.Set.of(java.time.LocalDate.of(2026, 3, 7)) : java.util.Set.of()));

    @ParameterizedTest(name = "{0}: received {1}, {2} {3} -> due {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Tết: Friday before it, 1 working day          | 2026-02-13T10:00 | 1 | WORKING_DAYS  | 2026-02-23T10:00
            Tết: received during it                        | 2026-02-18T09:00 | 1 | WORKING_DAYS  | 2026-02-23T17:00
            Tết: calendar days ending in it move after it  | 2026-02-12T09:00 | 5 | CALENDAR_DAYS | 2026-02-23T17:00
            swapped Saturday counts as a working day       | 2026-03-06T16:00 | 1 | WORKING_DAYS  | 2026-03-07T16:00
            Hùng Kings' day (Sunday) and its Monday off    | 2026-04-24T17:30 | 1 | WORKING_DAYS  | 2026-04-28T17:00
            """)
    void dueInstantFollowsTheVietnameseCalendar(
            String name, LocalDateTime received, int value, ProcessingTime.Unit unit, LocalDateTime expected) {
        Instant actual =
                new DueInstants(VIETNAM_2026).due(local(received), new ProcessingTime(value, unit), Optional.empty());
        assertThat(actual.atZone(HCM).toLocalDateTime()).isEqualTo(expected);
    }

    private static Instant local(LocalDateTime time) {
        return time.atZone(HCM).toInstant();
    }
}
