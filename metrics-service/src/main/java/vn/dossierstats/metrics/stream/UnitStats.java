package vn.dossierstats.metrics.stream;

import java.time.Instant;
import vn.dossierstats.metrics.report.PeriodCounts;

/** The counts of one unit in one period, published on unit.stats.v1 for the ranking service (docs/events.md). */
public record UnitStats(
        String unitCode, String period, PeriodCounts counts, Instant updatedAt, Instant lastAcceptedAt) {}
