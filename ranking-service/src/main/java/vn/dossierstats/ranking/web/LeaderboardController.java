package vn.dossierstats.ranking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Granularity;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.Period;
import vn.dossierstats.ranking.standings.Leaderboards;
import vn.dossierstats.ranking.standings.Standings;

/** GET /api/v1/leaderboards (api.md). */
@RestController
class LeaderboardController {

    private static final Set<String> LEVELS = Set.of("PROVINCE", "COMMUNE", "DEPARTMENT", "MINISTRY", "DISTRICT");
    private static final int MAX_LIMIT = 10_000;

    private final Leaderboards leaderboards;
    private final Standings standings;
    private final RankingProperties properties;
    private final Clock clock;

    LeaderboardController(Leaderboards leaderboards, Standings standings, RankingProperties properties, Clock clock) {
        this.leaderboards = leaderboards;
        this.standings = standings;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/leaderboards")
    Leaderboard leaderboard(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String limit) {
        return leaderboards.get(key(level, period, indicator, parent)).limitedTo(limit(limit));
    }

    Leaderboards.Key key(String level, String period, String indicator, String parent) {
        String parsedLevel = level == null || level.isBlank() ? "PROVINCE" : level;
        if (!LEVELS.contains(parsedLevel)) {
            throw ApiProblem.invalid(
                    "level",
                    "must be one of "
                            + String.join("|", LEVELS.stream().sorted().toList()));
        }
        String parentCode = parent == null || parent.isBlank() ? null : parent;
        if (parentCode != null && standings.unit(parentCode).isEmpty()) {
            throw ApiProblem.notFound("unknown unit " + parentCode);
        }
        return new Leaderboards.Key(parsedLevel, parentCode, period(period), indicator(indicator));
    }

    private Period period(String text) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.timeZone());
        if (text == null || text.isBlank()) {
            return Period.of(Granularity.MONTH, today);
        }
        Period period = Period.parse(text)
                .orElseThrow(() -> ApiProblem.invalid("period", "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"));
        if (period.start().isAfter(today)) {
            throw ApiProblem.invalid("period", "starts after today: a future period has no leaderboard");
        }
        return period;
    }

    private static Indicator indicator(String text) {
        if (text == null || text.isBlank()) {
            return Indicator.ON_TIME_RATE;
        }
        try {
            return Indicator.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("indicator", "must be ON_TIME_RATE, PROGRESS_SCORE or ONLINE_SHARE");
        }
    }

    private static Integer limit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }
}
