package vn.dossierstats.metrics.stream;

import java.time.Instant;
import vn.dossierstats.metrics.report.Counts;

/** A change of one unit's bucket, with the acceptance time of the fact that caused it (for freshness). */
record Delta(Counts counts, Instant acceptedAt) {}
