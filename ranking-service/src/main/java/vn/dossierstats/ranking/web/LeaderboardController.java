package vn.dossierstats.ranking.web;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;

/** GET /api/v1/leaderboards and its stream (api.md): prepared leaderboards, read as they stand. */
@RestController
class LeaderboardController {

    private final LeaderboardBook book;
    private final LeaderboardStream stream;
    private final LeaderboardQuery query;
    private final RankingProperties properties;
    private final Clock clock;

    LeaderboardController(
            LeaderboardBook book,
            LeaderboardStream stream,
            LeaderboardQuery query,
            RankingProperties properties,
            Clock clock) {
        this.book = book;
        this.stream = stream;
        this.query = query;
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
        Integer parsedLimit = LeaderboardQuery.limit(limit);
        if (asOf != null) {
            // history from stored snapshots comes with issue 5; never answer the live board for a past instant
            throw ApiProblem.invalid("asOf", "not supported yet: leaderboards as they stood at an instant");
        }
        return LeaderboardView.of(
                book.get(key), clock.instant().atZone(properties.timeZone()).toOffsetDateTime(), parsedLimit);
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
