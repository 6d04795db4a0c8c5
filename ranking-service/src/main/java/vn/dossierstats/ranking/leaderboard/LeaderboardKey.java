package vn.dossierstats.ranking.leaderboard;

import java.util.Comparator;
import vn.dossierstats.unitstats.Period;

/** Which leaderboard: a level, optionally within a parent, for a period and an indicator. */
public record LeaderboardKey(String level, String parent, Period period, Indicator indicator) {

    /**
     * Earlier periods first, so that a period's leaderboard is ready before the next period reads its ranks for
     * movement.
     */
    static final Comparator<LeaderboardKey> ORDER = Comparator.comparing(LeaderboardKey::period)
            .thenComparing(k -> k.period().granularity())
            .thenComparing(LeaderboardKey::level)
            .thenComparing(LeaderboardKey::parent, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LeaderboardKey::indicator);

    public LeaderboardKey(Scope scope, Period period, Indicator indicator) {
        this(scope.level(), scope.parent(), period, indicator);
    }

    /** {@code level|parent|period|indicator}, parent empty when nationwide: {@code PROVINCE||2026-07|ON_TIME_RATE}. */
    public String id() {
        return id(level, parent, period.key(), indicator);
    }

    static String id(String level, String parent, String period, Indicator indicator) {
        return level + "|" + (parent == null ? "" : parent) + "|" + period + "|" + indicator.name();
    }

    public Scope scope() {
        return new Scope(level, parent);
    }

    /** The same leaderboard for the previous period of the same granularity: the reference for movement. */
    public LeaderboardKey previous() {
        return new LeaderboardKey(level, parent, period.previous(), indicator);
    }

    public LeaderboardKey next() {
        return new LeaderboardKey(level, parent, period.next(), indicator);
    }
}
