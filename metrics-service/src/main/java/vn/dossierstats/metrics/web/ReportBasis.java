package vn.dossierstats.metrics.web;

import java.time.LocalDate;
import vn.dossierstats.metrics.stream.UnitRecord;

/**
 * Everything a report is computed from besides the contents of its unit's buckets, which the version stands for. Two
 * reads with equal bases compute the same figures, so the second reuses the first's.
 *
 * @param version the unit's {@link vn.dossierstats.metrics.stream.UnitVersions version}: changes with any bucket of the
 *     unit, and with every rebalance or restoration of the store
 * @param today the local day: a running period is judged at its end
 * @param unit the catalogue's record (name and level are in the report)
 */
record ReportBasis(long version, LocalDate today, UnitRecord unit) {}
