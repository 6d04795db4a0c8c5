package vn.dossierstats.dossier.calendaryears;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.calendar.PublicHolidays;
import vn.dossierstats.dossier.calendar.WorkingCalendar;
import vn.dossierstats.dossier.calendar.YearCalendar;

/**
 * Each year's calendar: the administrator's, when one was set, else the Labour Code defaults. Kept in memory for a
 * short while, so that a change made through another instance applies here within {@link #FRESHNESS}.
 */
@Component
public class CalendarYears implements WorkingCalendar.YearDays {

    static final Duration FRESHNESS = Duration.ofSeconds(10);

    private record Cached(YearCalendar calendar, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    CalendarYears(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public YearCalendar year(int year) {
        Instant now = clock.instant();
        Cached cached = cache.get(year);
        if (cached == null || cached.loadedAt().plus(FRESHNESS).isBefore(now)) {
            cached = new Cached(stored(year).orElseGet(() -> defaults(year)), now);
            cache.put(year, cached);
        }
        return cached.calendar();
    }

    public static YearCalendar defaults(int year) {
        return new YearCalendar(year, PublicHolidays.of(year, WorkingCalendar.STANDARD_WEEKEND), Set.of());
    }

    void put(YearCalendar calendar) {
        jdbc.sql("""
                        insert into calendar_year (year, holidays, working_days) values (?, ?, ?)
                        on conflict (year) do update set holidays = excluded.holidays,
                        working_days = excluded.working_days, updated_at = now()""")
                .params(calendar.year(), dates(calendar.holidays()), dates(calendar.workingDays()))
                .update();
        cache.remove(calendar.year());
    }

    private Optional<YearCalendar> stored(int year) {
        return jdbc.sql("select holidays, working_days from calendar_year where year = ?")
                .param(year)
                .query((rs, n) -> new YearCalendar(year, localDates(rs.getArray(1)), localDates(rs.getArray(2))))
                .optional();
    }

    private static Date[] dates(Set<LocalDate> days) {
        return days.stream().map(Date::valueOf).toArray(Date[]::new);
    }

    private static Set<LocalDate> localDates(Array array) throws SQLException {
        return Arrays.stream((Date[]) array.getArray()).map(Date::toLocalDate).collect(Collectors.toSet());
    }
}
