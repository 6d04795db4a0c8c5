package vn.dossierstats.ranking.leaderboard;

import java.time.OffsetDateTime;
import java.util.List;

/** A ranked leaderboard as api.md shapes it. */
public record Leaderboard(
        String level,
        String parent,
        String period,
        Indicator indicator,
        OffsetDateTime asOf,
        long minVolume,
        List<Entry> entries,
        List<Unranked> unranked) {

    public record Entry(
            int rank,
            String unitCode,
            String unitName,
            Double value,
            long volume,
            Integer previousRank,
            Integer movement) {}

    public record Unranked(String unitCode, String unitName, Double value, long volume, String reason) {}

    public Leaderboard limitedTo(Integer limit) {
        if (limit == null || limit >= entries.size()) {
            return this;
        }
        return new Leaderboard(level, parent, period, indicator, asOf, minVolume, entries.subList(0, limit), unranked);
    }
}
