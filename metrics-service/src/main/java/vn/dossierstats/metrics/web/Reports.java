package vn.dossierstats.metrics.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.metrics.stream.BucketStore;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.metrics.stream.UnitVersions;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * Period reports read from the live bucket store, each computed once per change of what it is computed from
 * ({@link ReportBasis}) and then served from a {@link ReportCache} with its serialised body.
 *
 * <p>{@code asOf} of a report is the instant it was computed with its figures; they stand so now, which is what the
 * body's entity tag asserts (see {@link ReportCache}). A response never names an instant at which its figures were not
 * true; the {@code Date} header tells when it was sent.
 */
@Service
public class Reports {

    private final StatisticsEngine engine;
    private final UnitVersions versions;
    private final JsonMapper json;
    private final ZoneId zone;
    private final int firstYear;
    private final Clock clock;
    private final ReportCache cache;

    Reports(
            StatisticsEngine engine,
            UnitVersions versions,
            JsonMapper json,
            MetricsProperties properties,
            Clock clock) {
        this.engine = engine;
        this.versions = versions;
        this.json = json;
        this.zone = properties.timeZone();
        this.firstYear = properties.firstYear();
        this.clock = clock;
        this.cache = new ReportCache(properties.reportCacheEntries(), json::writeValueAsBytes);
    }

    public Optional<UnitRecord> unit(String code) {
        return Optional.ofNullable(engine.units().get(code));
    }

    public List<UnitRecord> children(String code) {
        List<UnitRecord> children = new ArrayList<>();
        try (var all = engine.units().all()) {
            all.forEachRemaining(entry -> {
                if (code.equals(entry.value.parentCode())) {
                    children.add(entry.value);
                }
            });
        }
        children.sort(java.util.Comparator.comparing(UnitRecord::code));
        return children;
    }

    /** No statistic is older than this year: earlier periods are not periods of this platform. */
    public int firstYear() {
        return firstYear;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The report of the unit and period as the buckets stand. */
    public Report report(UnitRecord unit, Period period) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!engine.isProcessing()) {
            return compute(unit, period, now, today);
        }
        return cache.report(unit.code(), period, basis(unit, today), () -> compute(unit, period, now, today));
    }

    /** The same report, serialised. */
    PreparedBody body(UnitRecord unit, Period period) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!engine.isProcessing()) {
            // restoring, rebalancing or stopped: the store answers (or refuses, 503) as it stands; nothing is kept
            return PreparedBody.of(json.writeValueAsBytes(compute(unit, period, now, today)));
        }
        return cache.body(unit.code(), period, basis(unit, today), () -> compute(unit, period, now, today));
    }

    /** Taken before the buckets are read: a bucket written after this is reported under a newer version. */
    private ReportBasis basis(UnitRecord unit, LocalDate today) {
        return new ReportBasis(versions.of(unit.code()), today, unit);
    }

    private Report compute(UnitRecord unit, Period period, Instant now, LocalDate today) {
        return counted(unit, period, now, today).report();
    }

    /** A report with the counts it was computed from. */
    public record Counted(Report report, PeriodCounts counts) {}

    /** The report of the unit and period with its counts, as the buckets stand now (not kept: the index reads these). */
    public Counted counted(UnitRecord unit, Period period) {
        Instant now = clock.instant();
        return counted(unit, period, now, LocalDate.ofInstant(now, zone));
    }

    private Counted counted(UnitRecord unit, Period period, Instant now, LocalDate today) {
        LocalDate end = period.end().isAfter(today) ? today.plusDays(1) : period.end();
        ReportCalculator calculator = new ReportCalculator(new BucketStore(engine.buckets(unit.code())), firstYear);
        PeriodCounts counts = calculator.counts(unit.code(), period, end);
        return new Counted(
                Report.of(
                        unit.code(),
                        unit.name(),
                        unit.level(),
                        period.key(),
                        local(period.start()),
                        local(period.end()),
                        now.atZone(zone).toOffsetDateTime(),
                        counts),
                counts);
    }

    private OffsetDateTime local(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
