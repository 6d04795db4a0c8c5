package vn.dossierstats.metrics.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

/**
 * The statistics waiting to be published. A change to a period's bucket changes that period's statistic and, through
 * the carried-over and overdue counts, every later one up to the running period: only the changed period is noted
 * (once, however often it changes), and the run it ripples through is unfolded when published.
 *
 * <p>Two cadences: the running period of each granularity (what dashboards and the freshness target watch) is due
 * at every publication; the earlier periods a change ripples through only at the slower one, so that a burst of
 * back-dated events costs one republication of the past days per slow interval, not one per fast one.
 */
final class DirtyPeriods {

    /** One unit's statistics of one granularity to publish, earliest first, with the newest acceptance among them. */
    record Run(String unit, List<Period> periods, Instant lastAcceptedAt) {}

    private static final class Marks {
        final NavigableSet<LocalDate> changed = new TreeSet<>();
        /** Marked since the running period was last published. */
        boolean fresh;

        Instant lastAcceptedAt;
    }

    /** How many later periods a change republishes at most (older ones are recomputed on read). */
    private final int maxRipple;

    private final Map<String, EnumMap<Granularity, Marks>> byUnit = new HashMap<>();

    DirtyPeriods(int maxRipple) {
        this.maxRipple = maxRipple;
    }

    void mark(String unit, Period changed, Instant acceptedAt) {
        Marks marks = byUnit.computeIfAbsent(unit, u -> new EnumMap<>(Granularity.class))
                .computeIfAbsent(changed.granularity(), g -> new Marks());
        marks.changed.add(changed.start());
        marks.fresh = true;
        if (acceptedAt != null && (marks.lastAcceptedAt == null || acceptedAt.isAfter(marks.lastAcceptedAt))) {
            marks.lastAcceptedAt = acceptedAt;
        }
    }

    boolean isEmpty() {
        return byUnit.isEmpty();
    }

    /**
     * Takes what is due and forgets it.
     *
     * @param today the local day now: its period of each granularity is the running one
     * @param past whether the earlier periods are due too; if not, they stay noted for a later call
     */
    List<Run> drain(LocalDate today, boolean past) {
        List<Run> runs = new ArrayList<>();
        for (Iterator<Map.Entry<String, EnumMap<Granularity, Marks>>> units =
                        byUnit.entrySet().iterator();
                units.hasNext(); ) {
            Map.Entry<String, EnumMap<Granularity, Marks>> unit = units.next();
            for (Iterator<Map.Entry<Granularity, Marks>> granularities =
                            unit.getValue().entrySet().iterator();
                    granularities.hasNext(); ) {
                Map.Entry<Granularity, Marks> entry = granularities.next();
                Marks marks = entry.getValue();
                List<Period> due = due(Period.of(entry.getKey(), today), marks, past);
                if (!due.isEmpty()) {
                    runs.add(new Run(unit.getKey(), due, marks.lastAcceptedAt));
                }
                if (marks.changed.isEmpty()) {
                    granularities.remove();
                }
            }
            if (unit.getValue().isEmpty()) {
                units.remove();
            }
        }
        return runs;
    }

    private List<Period> due(Period running, Marks marks, boolean past) {
        Granularity granularity = running.granularity();
        TreeSet<LocalDate> due = new TreeSet<>();
        for (Iterator<LocalDate> marked = marks.changed.iterator(); marked.hasNext(); ) {
            Period changed = new Period(granularity, marked.next());
            long distance = between(changed, running);
            if (distance < 0) {
                due.add(changed.start()); // dated slightly ahead of the clock: its own period only
                marked.remove();
                continue;
            }
            if (marks.fresh && distance < maxRipple) {
                due.add(running.start());
            }
            if (past) {
                Period period = changed;
                for (int i = 0; i < maxRipple && period.compareTo(running) < 0; i++) {
                    due.add(period.start());
                    period = period.next();
                }
                marked.remove();
            }
        }
        marks.fresh = false;
        return due.stream().map(start -> new Period(granularity, start)).toList();
    }

    /** How many periods {@code to} comes after {@code from} (negative when before). */
    private static long between(Period from, Period to) {
        return switch (from.granularity()) {
            case DAY -> ChronoUnit.DAYS.between(from.start(), to.start());
            case MONTH -> ChronoUnit.MONTHS.between(from.start(), to.start());
            case QUARTER -> ChronoUnit.MONTHS.between(from.start(), to.start()) / 3;
            case YEAR -> ChronoUnit.YEARS.between(from.start(), to.start());
        };
    }
}
