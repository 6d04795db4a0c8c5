package vn.dossierstats.ranking.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.history.SnapshotStore;
import vn.dossierstats.unitstats.Boundaries;

/**
 * GET /api/v1/leaderboards and its stream (api.md): prepared leaderboards, read as they stand, served as prepared
 * bytes with an entity tag ({@code If-None-Match} → 304 without a body).
 */
@RestController
class LeaderboardController {

    private final LeaderboardBodies bodies;
    private final LeaderboardStream stream;
    private final LeaderboardQuery query;
    private final SnapshotStore snapshots;
    private final RankingProperties properties;
    private final ConditionalGet conditional;
    private final Clock clock;

    LeaderboardController(
            LeaderboardBodies bodies,
            LeaderboardStream stream,
            LeaderboardQuery query,
            SnapshotStore snapshots,
            RankingProperties properties,
            Clock clock) {
        this.clock = clock;
        this.bodies = bodies;
        this.stream = stream;
        this.query = query;
        this.snapshots = snapshots;
        this.properties = properties;
        this.conditional = new ConditionalGet(properties.maxAge());
    }

    @GetMapping(path = "/api/v1/leaderboards", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = LeaderboardView.class)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the leaderboard named by If-None-Match stands",
            content = @Content)
    ResponseEntity<byte[]> leaderboard(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String boundaries,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        var key = query.key(level, period, indicator, parent);
        Integer parsedLimit = query.limit(limit);
        Optional<Instant> instant = query.asOf(asOf);
        if (query.boundaries(boundaries) == Boundaries.CURRENT) {
            if (instant.isPresent()) {
                throw ApiProblem.invalid(
                        "asOf", "is kept for leaderboards on the map of their period (boundaries=period) only");
            }
            // today's map: recomputed at each read, every unit with all its predecessors
            return conditional.answer(
                    bodies.body(LeaderboardView.of(query.onTodaysMap(key), local(clock.instant()), parsedLimit)),
                    ifNoneMatch);
        }
        if (instant.isPresent()) {
            // history: the latest stored snapshot at or before the instant, never the live board
            SnapshotStore.Snapshot snapshot = snapshots
                    .at(key.id(), instant.get())
                    .orElseThrow(() -> ApiProblem.notFound(
                            "asOf",
                            "no snapshot of this leaderboard at or before " + asOf
                                    + ": it had no data then, or history was not yet recorded"));
            return conditional.answer(
                    bodies.body(LeaderboardView.of(snapshot.board(), local(instant.get()), parsedLimit)), ifNoneMatch);
        }
        return conditional.answer(bodies.live(key, parsedLimit), ifNoneMatch);
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(properties.timeZone()).toOffsetDateTime();
    }

    @GetMapping(path = "/api/v1/leaderboards/stream", produces = "text/event-stream")
    SseEmitter stream(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String boundaries) {
        if (query.boundaries(boundaries) == Boundaries.CURRENT) {
            throw ApiProblem.invalid(
                    "boundaries", "the live stream is of leaderboards on the map of their period (boundaries=period)");
        }
        return stream.subscribe(query.key(level, period, indicator, parent));
    }
}
