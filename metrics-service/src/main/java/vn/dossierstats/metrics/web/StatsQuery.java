package vn.dossierstats.metrics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

/**
 * The parameters of the statistics reads (api.md), one set of rules for the reports and the index: the unit, the
 * period, the series' granularity and bounds, the map of units; each refused with a problem naming the parameter.
 */
@Component
class StatsQuery {

    static final int MAX_POINTS = 1000;

    private final Reports reports;
    private final StatisticsEngine engine;

    StatsQuery(Reports reports, StatisticsEngine engine) {
        this.reports = reports;
        this.engine = engine;
    }

    UnitRecord unit(String code) {
        return reports.unit(code).orElseThrow(() -> ApiProblem.notFound("unknown unit " + code));
    }

    /** {@code period}: the running month when absent. */
    Period period(String text) {
        return period(text, "period");
    }

    /** The periods of a series from {@code from} to {@code to} inclusive, of one granularity, at most 1,000. */
    List<Period> series(String granularity, String from, String to) {
        Granularity parsedGranularity = granularity(granularity);
        Period first = period(from, "from");
        Period last = period(to, "to");
        for (var named : List.of(Map.entry("from", first), Map.entry("to", last))) {
            if (named.getValue().granularity() != parsedGranularity) {
                throw ApiProblem.invalid(
                        named.getKey(), "must be a " + parsedGranularity.name().toLowerCase(Locale.ROOT) + " period");
            }
        }
        if (first.compareTo(last) > 0) {
            throw ApiProblem.invalid("from", "must not be after 'to'");
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
            if (periods.size() == MAX_POINTS) {
                throw ApiProblem.invalid("to", "a series has at most " + MAX_POINTS + " points");
            }
            periods.add(p);
        }
        return periods;
    }

    static String granularityName(Period period) {
        return period.granularity().name().toLowerCase(Locale.ROOT);
    }

    Boundaries boundaries(String text) {
        return Boundaries.parse(text)
                .orElseThrow(() -> ApiProblem.invalid(
                        "boundaries",
                        "must be period (units as they were at the period's end) or current (today's units)"));
    }

    /**
     * The instance that holds the unit's buckets when it is another one. A request forwarded once is answered here or
     * refused: were it forwarded again, two instances that disagree about the owner (a rebalance) would pass it on
     * and on.
     */
    Optional<HostInfo> owner(UnitRecord unit, HttpServletRequest request) {
        Optional<HostInfo> owner = engine.remoteOwnerOf(unit.code());
        if (owner.isPresent() && Peers.wasForwarded(request)) {
            throw new Peers.PeerUnavailable("the statistics of " + unit.code() + " are moving between instances");
        }
        return owner;
    }

    /** A child's answer gathered from here or another instance; its failure as the answer's own. */
    static Object joined(CompletableFuture<Object> child) {
        try {
            return child.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Period period(String text, String field) {
        if (text == null || text.isBlank()) {
            if (field.equals("period")) {
                return Period.of(Granularity.MONTH, reports.today());
            }
            throw ApiProblem.invalid(field, "is required");
        }
        Period period = Period.parse(text)
                .orElseThrow(() -> ApiProblem.invalid(field, "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"));
        if (period.start().isAfter(reports.today())) {
            throw ApiProblem.invalid(field, "starts after today: a future period has no report");
        }
        if (period.start().getYear() < reports.firstYear()) {
            // year 0 would even be reported in local mean time (+07:06:30): absurd, not an empty report
            throw ApiProblem.invalid(field, "must not be before the year " + reports.firstYear());
        }
        return period;
    }

    private static Granularity granularity(String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalid("granularity", "is required: day, month, quarter or year");
        }
        try {
            return Granularity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("granularity", "must be day, month, quarter or year");
        }
    }
}
