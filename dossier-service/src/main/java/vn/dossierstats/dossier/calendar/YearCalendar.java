package vn.dossierstats.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year's exceptions to the weekly pattern: holidays, and weekend days made working (the Government's swaps that
 * bridge a holiday).
 */
public record YearCalendar(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workingDays) {

    public YearCalendar(int year, Set<LocalDate> holidays, Set<LocalDate> workingDays) {
        this(year, new TreeSet<>(holidays), new TreeSet<>(workingDays));
    }

    public YearCalendar {
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        workingDays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(workingDays));
    }

    /** What is wrong with this calendar (api.md): dates outside the year, in both lists, swaps on weekdays. */
    public List<String> problems(Set<DayOfWeek> weekend) {
        List<String> problems = new ArrayList<>();
        for (LocalDate day : holidays) {
            if (day.getYear() != year) {
                problems.add("holidays: " + day + " is not in " + year);
            }
        }
        for (LocalDate day : workingDays) {
            if (day.getYear() != year) {
                problems.add("workingDays: " + day + " is not in " + year);
            }
            if (holidays.contains(day)) {
                problems.add("workingDays: " + day + " is also a holiday");
            }
            if (!weekend.contains(day.getDayOfWeek())) {
                problems.add("workingDays: " + day + " is a " + day.getDayOfWeek() + ", not a weekend day");
            }
        }
        return problems;
    }
}
