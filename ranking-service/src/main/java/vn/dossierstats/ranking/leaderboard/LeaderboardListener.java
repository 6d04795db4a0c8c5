package vn.dossierstats.ranking.leaderboard;

import java.util.List;

/** Told of the leaderboards whose content changed, after each batch of changes (the hook for streams and history). */
public interface LeaderboardListener {

    void updated(List<Leaderboard> boards);
}
