package vn.dossierstats.ranking.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import vn.dossierstats.ranking.leaderboard.UnitCounts;

/** A record of unit.stats.v1 (written by metrics-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitStats(String unitCode, String period, UnitCounts counts, Instant updatedAt, Instant lastAcceptedAt) {}
