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
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.period.Period;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.metrics.stream.BucketStore;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;

/** Period reports read from the live bucket store. */
@Service
public class Reports {

    private final StatisticsEngine engine;
    private final ZoneId zone;
    private final int firstYear;
    private final Clock clock;

    Reports(StatisticsEngine engine, MetricsProperties properties, Clock clock) {
        this.engine = engine;
        this.zone = properties.timeZone();
        this.firstYear = properties.firstYear();
        this.clock = clock;
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

    public Report report(UnitRecord unit, Period period) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate end = period.end().isAfter(today) ? today.plusDays(1) : period.end();
        ReportCalculator calculator = new ReportCalculator(new BucketStore(engine.buckets(unit.code())), firstYear);
        return Report.of(
                unit.code(),
                unit.name(),
                unit.level(),
                period.key(),
                local(period.start()),
                local(period.end()),
                now.atZone(zone).toOffsetDateTime(),
                calculator.counts(unit.code(), period, end));
    }

    private OffsetDateTime local(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
