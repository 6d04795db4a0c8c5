package vn.dossierstats.metrics.stream;

import java.time.Instant;
import java.util.Map;
import vn.dossierstats.metrics.report.Counts;

/**
 * The changes one fact makes to one unit's buckets, by period key, applied together; with the acceptance time of
 * the fact (for freshness).
 */
record Delta(Map<String, Counts> buckets, Instant acceptedAt) {}
