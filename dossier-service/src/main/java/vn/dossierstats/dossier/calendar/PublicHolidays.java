package vn.dossierstats.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default public holidays of a year under the Labour Code 2019, art. 112: 1 January; five days of Tết (the last
 * day of the lunar year and the first four of the new one); the Hùng Kings' day (10th of the 3rd lunar month);
 * 30 April; 1 May; 2 September and one adjacent day; and, for each holiday on a weekend, a compensatory day on the
 * next working day. The Government's yearly decisions may differ: administrators override them per year.
 */
public final class PublicHolidays {

    private PublicHolidays() {}

    public static Set<LocalDate> of(int year, Set<DayOfWeek> weekend) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        holidays.add(LocalDate.of(year, Month.JANUARY, 1));
        LocalDate tet = LunarCalendar.toSolar(year, 1, 1);
        for (int day = -1; day <= 3; day++) {
            holidays.add(tet.plusDays(day));
        }
        holidays.add(LunarCalendar.toSolar(year, 3, 10));
        holidays.add(LocalDate.of(year, Month.APRIL, 30));
        holidays.add(LocalDate.of(year, Month.MAY, 1));
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        holidays.add(nationalDay);
        // the adjacent day that makes a long weekend: Monday before a Tuesday, otherwise the day after
        holidays.add(
                nationalDay.getDayOfWeek() == DayOfWeek.TUESDAY ? nationalDay.minusDays(1) : nationalDay.plusDays(1));
        TreeSet<LocalDate> withCompensation = new TreeSet<>(holidays);
        for (LocalDate holiday : holidays) {
            if (weekend.contains(holiday.getDayOfWeek())) {
                LocalDate day = holiday.plusDays(1);
                while (weekend.contains(day.getDayOfWeek()) || withCompensation.contains(day)) {
                    day = day.plusDays(1);
                }
                withCompensation.add(day);
            }
        }
        // only the year's own days: Tết can begin on 31 December of the year before
        withCompensation.removeIf(day -> day.getYear() != year);
        return withCompensation;
    }
}
