package vn.dossierstats.ranking.leaderboard;

import java.util.List;

/**
 * A prepared, immutable leaderboard (api.md shape without the read instant, which the reader adds).
 *
 * @param entries ranked units in published order
 * @param unranked every other unit of the scope, by code
 */
public record Leaderboard(
        String level,
        String parent,
        String period,
        Indicator indicator,
        long minVolume,
        List<Entry> entries,
        List<Unranked> unranked) {

    public static final String INSUFFICIENT_VOLUME = "INSUFFICIENT_VOLUME";

    public Leaderboard {
        entries = List.copyOf(entries);
        unranked = List.copyOf(unranked);
    }

    public record Entry(
            int rank,
            String unitCode,
            String unitName,
            Double value,
            long volume,
            Integer previousRank,
            Integer movement) {}

    public record Unranked(String unitCode, String unitName, Double value, long volume, String reason) {}

    /** The key of this leaderboard on leaderboards.v1 and in the history: see {@link LeaderboardKey#id()}. */
    public String id() {
        return LeaderboardKey.id(level, parent, period, indicator);
    }

    /** The first {@code limit} entries (all when null); {@code unranked} stays complete. */
    public List<Entry> entries(Integer limit) {
        return limit == null || limit >= entries.size() ? entries : entries.subList(0, limit);
    }
}
