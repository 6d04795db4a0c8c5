package vn.dossierstats.metrics.territory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.Territories;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * The map of units on any date, read from the catalogue's global table and kept for {@link #FRESHNESS}: a
 * reorganisation recorded on a running system moves every figure to its place within that, without a restart.
 */
@Component
public class UnitMap {

    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private record Snapshot(Territories territories, Instant readAt) {}

    private final StatisticsEngine engine;
    private final Clock clock;
    private volatile Snapshot snapshot;

    UnitMap(StatisticsEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public Territories territories() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(FRESHNESS).isBefore(now)) {
            List<UnitSpan> spans = new ArrayList<>();
            try (var all = engine.units().all()) {
                all.forEachRemaining(entry -> spans.add(entry.value.span()));
            }
            current = new Snapshot(new Territories(spans), now);
            snapshot = current;
        }
        return current.territories();
    }

    /** The date whose map a figure of {@code period} is drawn on: the period's last day, or today. */
    public static LocalDate mapDate(Period period, Boundaries boundaries, LocalDate today) {
        return boundaries == Boundaries.CURRENT ? today : period.end().minusDays(1);
    }
}
