package vn.dossierstats.metrics.stream;

import java.time.Instant;
import java.util.Map;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;

/**
 * The changes one fact makes to one unit's buckets, by period key, and to its procedure usage, by
 * {@link Contributions#usageKey}, applied together; with the acceptance time of the fact (for freshness).
 */
record Delta(Map<String, Counts> buckets, Map<String, ProcedureUsage> usage, Instant acceptedAt) {

    Delta {
        usage = usage == null ? Map.of() : usage; // deltas written as JSON before procedure usage
    }

    Delta(Map<String, Counts> buckets, Instant acceptedAt) {
        this(buckets, Map.of(), acceptedAt);
    }
}
