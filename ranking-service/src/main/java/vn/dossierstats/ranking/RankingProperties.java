package vn.dossierstats.ranking;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone local time of periods
 * @param minVolume below this denominator a unit is listed as unranked
 * @param sourceTopicWait how long to wait at start-up for the topics this service reads
 */
@ConfigurationProperties("ranking")
public record RankingProperties(ZoneId timeZone, long minVolume, Duration sourceTopicWait) {}
