package vn.dossierstats.ranking;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone local time of periods and of the instants the API outputs
 * @param minVolume below this denominator a unit is listed as unranked
 * @param streamTimeout how long a leaderboard stream stays open before the client must reconnect (SSE clients do)
 */
@ConfigurationProperties("ranking")
public record RankingProperties(ZoneId timeZone, Long minVolume, Duration streamTimeout) {

    public RankingProperties {
        timeZone = timeZone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : timeZone;
        minVolume = minVolume == null ? 20L : minVolume;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        if (minVolume < 0) {
            throw new IllegalArgumentException("ranking.min-volume must not be negative");
        }
    }
}
