package vn.dossierstats.ranking.leaderboard;

/** The units a leaderboard ranks: those of {@code level}, under {@code parent} at any depth when it is not null. */
public record Scope(String level, String parent) {}
