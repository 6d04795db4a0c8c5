package vn.dossierstats.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.index.IndexOfCounts;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.Scorecard;

/**
 * The national index of api.md ("The national index") of a unit, its children and a series, computed live from the
 * same counts as the period report: the same validation, errors, owners and entity tags as the report's endpoints
 * ({@link StatsController}).
 */
@RestController
@RequestMapping("/api/v1/stats/units/{unitCode}")
class IndexController {

    private static final Executor FETCHES = Executors.newVirtualThreadPerTaskExecutor();

    private final Reports reports;
    private final StatsQuery query;
    private final StatisticsEngine engine;
    private final Peers peers;
    private final JsonMapper json;
    private final ConditionalGet conditional;

    IndexController(
            Reports reports,
            StatisticsEngine engine,
            Peers peers,
            JsonMapper json,
            MetricsProperties properties,
            StatsQuery query) {
        this.query = query;
        this.reports = reports;
        this.engine = engine;
        this.peers = peers;
        this.json = json;
        this.conditional = new ConditionalGet(properties.maxAge());
    }

    /** A unit's scorecard in one period, with what the report says the period and unit are. */
    record UnitIndex(
            String unitCode,
            String unitName,
            String level,
            String period,
            OffsetDateTime from,
            OffsetDateTime to,
            OffsetDateTime asOf,
            Scorecard.Total total,
            Scorecard.Groups groups,
            IndexInputs.ProcedureScope procedureScope) {

        static UnitIndex of(Reports.Counted counted) {
            Report r = counted.report();
            Scorecard card = IndexOfCounts.scorecard(counted.counts());
            return new UnitIndex(
                    r.unitCode(),
                    r.unitName(),
                    r.level(),
                    r.period(),
                    r.from(),
                    r.to(),
                    r.asOf(),
                    card.total(),
                    card.groups(),
                    card.procedureScope());
        }
    }

    @GetMapping(path = "/index", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The national index (Decision 766) of the unit with its descendants in a period")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UnitIndex.class)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the answer named by If-None-Match stands",
            content = @Content)
    ResponseEntity<byte[]> index(
            @PathVariable String unitCode,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String boundaries,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        UnitRecord unit = query.unit(unitCode);
        Period parsed = query.period(period);
        Boundaries map = query.boundaries(boundaries);
        Optional<HostInfo> owner = query.owner(unit, request);
        if (owner.isPresent()) {
            return peers.forward(owner.get(), request);
        }
        return answer(UnitIndex.of(reports.forIndex(unit, parsed, map)), ifNoneMatch);
    }

    @GetMapping(path = "/children/index", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The national index of every direct child of the unit in a period, ordered by unit code")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = "object",
                                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    ResponseEntity<byte[]> children(
            @PathVariable String unitCode,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String boundaries,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        UnitRecord unit = query.unit(unitCode);
        Period parsed = query.period(period);
        Boundaries map = query.boundaries(boundaries);
        reports.members(unit, parsed, map); // a unit that did not exist on that map has no children there either
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        for (UnitRecord child : reports.children(unit.code(), parsed, map)) {
            Optional<HostInfo> owner = engine.remoteOwnerOf(child.code());
            pending.add(
                    owner.isEmpty()
                            ? CompletableFuture.completedFuture(UnitIndex.of(reports.forIndex(child, parsed, map)))
                            : CompletableFuture.supplyAsync(
                                    () -> peers.index(owner.get(), child.code(), parsed.key(), map), FETCHES));
        }
        List<Object> children = new ArrayList<>(pending.size());
        for (CompletableFuture<Object> child : pending) {
            children.add(StatsQuery.joined(child));
        }
        return answer(Map.of("unitCode", unit.code(), "period", parsed.key(), "children", children), ifNoneMatch);
    }

    @GetMapping(path = "/series/index", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The national index of the unit, one point per period from 'from' to 'to' inclusive")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = "object",
                                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    ResponseEntity<byte[]> series(
            @PathVariable String unitCode,
            @RequestParam(required = false) String granularity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String boundaries,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        UnitRecord unit = query.unit(unitCode);
        List<Period> periods = query.series(granularity, from, to);
        Boundaries map = query.boundaries(boundaries);
        Optional<HostInfo> owner = query.owner(unit, request);
        if (owner.isPresent()) {
            return peers.forward(owner.get(), request);
        }
        List<UnitIndex> points = new ArrayList<>();
        for (Period p : periods) {
            points.add(UnitIndex.of(reports.forIndex(unit, p, map)));
        }
        return answer(
                Map.of(
                        "unitCode",
                        unit.code(),
                        "granularity",
                        StatsQuery.granularityName(periods.getFirst()),
                        "points",
                        points),
                ifNoneMatch);
    }

    private ResponseEntity<byte[]> answer(Object answer, String ifNoneMatch) {
        return conditional.answer(PreparedBody.of(json.writeValueAsBytes(answer)), ifNoneMatch);
    }
}
