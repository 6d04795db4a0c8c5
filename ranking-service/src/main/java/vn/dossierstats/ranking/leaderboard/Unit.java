package vn.dossierstats.ranking.leaderboard;

/** A unit of the catalogue: what a leaderboard lists and how scopes are drawn (the parent chain). */
public record Unit(String code, String name, String level, String parentCode) {}
