package vn.dossierstats.ranking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.history.SnapshotStore;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;

/** GET /api/v1/leaderboards and its stream (api.md): prepared leaderboards, read as they stand. */
@RestController
class LeaderboardController {

    private final LeaderboardBook book;
    private final LeaderboardStream stream;
    private final LeaderboardQuery query;
    private final SnapshotStore snapshots;
    private final RankingProperties properties;
    private final Clock clock;

    LeaderboardController(
            LeaderboardBook book,
            LeaderboardStream stream,
            LeaderboardQuery query,
            SnapshotStore snapshots,
            RankingProperties properties,
            Clock clock) {
        this.book = book;
        this.stream = stream;
        this.query = query;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/leaderboards")
    LeaderboardView leaderboard(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String asOf) {
        var key = query.key(level, period, indicator, parent);
        Integer parsedLimit = query.limit(limit);
        Optional<Instant> instant = query.asOf(asOf);
        if (instant.isPresent()) {
            // history: the latest stored snapshot at or before the instant, never the live board
            SnapshotStore.Snapshot snapshot = snapshots
                    .at(key.id(), instant.get())
                    .orElseThrow(() -> ApiProblem.notFound(
                            "asOf",
                            "no snapshot of this leaderboard at or before " + asOf
                                    + ": it had no data then, or history was not yet recorded"));
            return LeaderboardView.of(snapshot.board(), local(instant.get()), parsedLimit);
        }
        return LeaderboardView.of(book.get(key), local(clock.instant()), parsedLimit);
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(properties.timeZone()).toOffsetDateTime();
    }

    @GetMapping(path = "/api/v1/leaderboards/stream", produces = "text/event-stream")
    SseEmitter stream(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String parent) {
        return stream.subscribe(query.key(level, period, indicator, parent));
    }
}
