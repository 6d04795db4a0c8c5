package vn.dossierstats.metrics.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
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
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Period;

/**
 * The statistics API of api.md. Every answer carries a strong entity tag of its bytes ({@code If-None-Match} → 304
 * without a body) and {@code Cache-Control}; a report is served from its prepared body while nothing it is computed
 * from changed ({@link Reports}).
 */
@RestController
@RequestMapping("/api/v1/stats/units/{unitCode}")
class StatsController {

    /** Where the reports of children held by other instances are fetched, all at once. */
    private static final Executor FETCHES = Executors.newVirtualThreadPerTaskExecutor();

    private final Reports reports;
    private final StatsQuery query;
    private final StatisticsEngine engine;
    private final Peers peers;
    private final JsonMapper json;
    private final ConditionalGet conditional;

    StatsController(
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

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = Report.class)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the report named by If-None-Match stands",
            content = @Content)
    ResponseEntity<byte[]> report(
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
        return conditional.answer(reports.body(unit, parsed, map), ifNoneMatch);
    }

    @GetMapping(path = "/children", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = "object",
                                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the answer named by If-None-Match stands",
            content = @Content)
    ResponseEntity<byte[]> children(
            @PathVariable String unitCode,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String boundaries,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        UnitRecord unit = query.unit(unitCode);
        Period parsed = query.period(period);
        Boundaries map = query.boundaries(boundaries);
        reports.members(unit, parsed, map); // a unit that did not exist on that map has no children there either
        // each child's report where its buckets are: here, or asked of its instance (all at once)
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        for (UnitRecord child : reports.children(unit.code(), parsed, map)) {
            Optional<HostInfo> owner = engine.remoteOwnerOf(child.code());
            pending.add(
                    owner.isEmpty()
                            ? CompletableFuture.completedFuture(reports.report(child, parsed, map))
                            : CompletableFuture.supplyAsync(
                                    () -> peers.report(owner.get(), child.code(), parsed.key(), map), FETCHES));
        }
        List<Object> children = new ArrayList<>(pending.size());
        for (CompletableFuture<Object> child : pending) {
            children.add(StatsQuery.joined(child));
        }
        return answer(Map.of("unitCode", unit.code(), "period", parsed.key(), "children", children), ifNoneMatch);
    }

    @GetMapping(path = "/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = "object",
                                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the answer named by If-None-Match stands",
            content = @Content)
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
        List<Report> points = new ArrayList<>();
        for (Period p : periods) {
            points.add(reports.report(unit, p, map));
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

    /**
     * A list of reports serialised for this request: each report is reused while it stands (with the asOf it was
     * computed at), so the bytes, and their tag, stay the same while no figure in them changes.
     */
    private ResponseEntity<byte[]> answer(Map<String, Object> answer, String ifNoneMatch) {
        return conditional.answer(PreparedBody.of(json.writeValueAsBytes(answer)), ifNoneMatch);
    }
}
