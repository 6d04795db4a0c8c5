package vn.dossierstats.metrics.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.metrics.stream.BucketStore;
import vn.dossierstats.metrics.stream.ProcedureIndex;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.metrics.stream.UnitVersions;
import vn.dossierstats.metrics.territory.UnitMap;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.Territories;

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
    private final UnitMap map;
    private final Peers peers;

    Reports(
            StatisticsEngine engine,
            UnitVersions versions,
            JsonMapper json,
            MetricsProperties properties,
            Clock clock,
            UnitMap map,
            Peers peers) {
        this.engine = engine;
        this.map = map;
        this.peers = peers;
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

    /**
     * The units whose own figures sum to the unit's in the period, on the map of {@code boundaries}: the unit first,
     * then those merged into it (or into its descendants) by then.
     *
     * @throws ApiProblem 404 for a unit that did not exist on that map, naming its successor when it had ended
     */
    public List<String> members(UnitRecord unit, Period period, Boundaries boundaries) {
        LocalDate on = UnitMap.mapDate(period, boundaries, today());
        String map = boundaries == Boundaries.CURRENT ? "today" : "at the end of " + period.key();
        return switch (this.map.territories().of(unit.code(), on)) {
            case Territories.Members members -> members.codes();
            case Territories.Ended ended ->
                throw ApiProblem.ended(
                        "unit " + ended.code() + " ended on " + ended.validTo() + "; " + map + " its successor "
                                + ended.successor() + " answers for it",
                        ended.successor());
            case Territories.NotYet notYet ->
                throw ApiProblem.notFound(
                        "unit " + notYet.code() + " exists from " + notYet.validFrom() + ", not yet " + map);
            case Territories.Unknown unknown -> throw ApiProblem.notFound("unknown unit " + unknown.code());
        };
    }

    /** The units whose parent is {@code code} on the map of {@code boundaries} for the period, ordered by code. */
    public List<UnitRecord> children(String code, Period period, Boundaries boundaries) {
        LocalDate on = UnitMap.mapDate(period, boundaries, today());
        List<UnitRecord> children = new ArrayList<>();
        for (String child : map.territories().childrenOn(code, on)) {
            unit(child).ifPresent(children::add);
        }
        return children;
    }

    /** The report of the unit and period on the map of {@code boundaries}: its own figures and its territory's. */
    public Report report(UnitRecord unit, Period period, Boundaries boundaries) {
        List<String> members = members(unit, period, boundaries);
        return members.size() == 1
                ? report(unit, period)
                : territory(unit, period, members).report();
    }

    /** The report and its counts on the map of {@code boundaries} (not kept: the index reads these). */
    public Counted counted(UnitRecord unit, Period period, Boundaries boundaries) {
        List<String> members = members(unit, period, boundaries);
        return members.size() == 1 ? counted(unit, period) : territory(unit, period, members);
    }

    /**
     * The counts of the national index on the map of {@code boundaries}: the report's, with the procedure-based ones.
     * Those of a territory of several units are computed from its members' usage together (distinct procedures do not
     * add up), where this instance holds every member; else it has none (see README, The national index).
     */
    public Counted forIndex(UnitRecord unit, Period period, Boundaries boundaries) {
        List<String> members = members(unit, period, boundaries);
        Counted counted = members.size() == 1 ? counted(unit, period) : territory(unit, period, members);
        for (String member : members) {
            if (engine.remoteOwnerOf(member).isPresent()) {
                return counted;
            }
        }
        LocalDate on = UnitMap.mapDate(period, boundaries, today());
        Territories territories = map.territories();
        Set<String> subtree = new LinkedHashSet<>();
        Map<String, Map<String, ProcedureUsage>> usage = new HashMap<>();
        for (String member : members) {
            // a predecessor's units are those of its own map of the period (where it still existed)
            subtree.addAll(territories.subtreeOn(
                    member, member.equals(unit.code()) ? on : period.end().minusDays(1)));
            engine.procedureIndex(member)
                    .usage(member, period)
                    .forEach((receivedBy, procedures) -> procedures.forEach(
                            (procedure, used) -> usage.computeIfAbsent(receivedBy, u -> new HashMap<>())
                                    .merge(procedure, used, ProcedureUsage::plus)));
        }
        ProcedureIndex index = engine.procedureIndex(unit.code());
        return new Counted(counted.report(), counted.counts().withProcedures(index.of(subtree, usage)));
    }

    /** The same report, serialised. */
    PreparedBody body(UnitRecord unit, Period period, Boundaries boundaries) {
        List<String> members = members(unit, period, boundaries);
        return members.size() == 1
                ? body(unit, period)
                : PreparedBody.of(
                        json.writeValueAsBytes(territory(unit, period, members).report()));
    }

    /** The counts of the unit's own buckets, for another instance that sums a territory. */
    PeriodCounts ownCounts(String unitCode, Period period) {
        LocalDate today = today();
        LocalDate end = period.end().isAfter(today) ? today.plusDays(1) : period.end();
        return new ReportCalculator(new BucketStore(engine.buckets(unitCode)), firstYear).counts(unitCode, period, end);
    }

    /**
     * A territory's report: the sum of its members' counts, each read where its buckets are. Computed on every read
     * (no cache entry stands for several units' versions), which only units with predecessors take.
     */
    private Counted territory(UnitRecord unit, Period period, List<String> members) {
        Instant now = clock.instant();
        PeriodCounts counts = PeriodCounts.ZERO;
        for (String member : members) {
            Optional<HostInfo> owner = engine.remoteOwnerOf(member);
            counts = counts.plus(
                    owner.isEmpty() ? ownCounts(member, period) : peers.counts(owner.get(), member, period.key()));
        }
        return counted(unit, period, now, counts);
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
        return counted(unit, period, now, counts);
    }

    private Counted counted(UnitRecord unit, Period period, Instant now, PeriodCounts counts) {
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
