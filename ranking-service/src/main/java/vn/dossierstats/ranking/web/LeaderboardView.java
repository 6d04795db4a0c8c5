package vn.dossierstats.ranking.web;

import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;

/** The leaderboard as api.md shapes it: a prepared board with the instant it is read at. */
public record LeaderboardView(
        String level,
        String parent,
        String period,
        Indicator indicator,
        OffsetDateTime asOf,
        long minVolume,
        List<Leaderboard.Entry> entries,
        List<Leaderboard.Unranked> unranked) {

    public static LeaderboardView of(Leaderboard board, OffsetDateTime asOf, Integer limit) {
        return new LeaderboardView(
                board.level(),
                board.parent(),
                board.period(),
                board.indicator(),
                asOf,
                board.minVolume(),
                board.entries(limit),
                board.unranked());
    }
}
