package vn.dossierstats.ranking;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param timeZone local time of periods and of the instants the API outputs
 * @param minVolume below this denominator a unit is listed as unranked
 * @param streamTimeout how long a leaderboard stream stays open before the client must reconnect (SSE clients do)
 * @param limitMax the largest {@code limit} a leaderboard request may ask for
 * @param topics the topics read and the one written
 * @param topicPartitions partitions of the leaderboard topic when this service declares it
 * @param topicReplicas replicas of the leaderboard topic when this service declares it
 * @param publishInterval a leaderboard is published at most once per interval (the latest content wins)
 * @param recomputeInterval the leaderboards that changed statistics touch are recomputed at most once per interval
 *     (and, under load, less often: {@code leaderboard/RecomputePace.java}); the longest a change waits to be ranked
 * @param history how leaderboard snapshots are stored
 * @param maxAge how long an HTTP cache may reuse a leaderboard without asking again ({@code Cache-Control: max-age}, in
 *     whole seconds): a leaderboard can change with every publication of the running periods' statistics (every
 *     200 ms, metrics-service's {@code metrics.publish-interval}), so 0 by default: caches revalidate every time, which
 *     costs a 304 without a body while nothing changed
 * @param readCacheSize the most bytes of serialised leaderboards kept for reads
 * @param writerCheckInterval how often an instance checks that it still holds the writer lease, or tries to take it:
 *     the longest a dead writer's history and publications wait for a standby instance to take over
 */
@ConfigurationProperties("ranking")
public record RankingProperties(
        ZoneId timeZone,
        Long minVolume,
        Duration streamTimeout,
        Integer limitMax,
        Topics topics,
        Integer topicPartitions,
        Short topicReplicas,
        Duration publishInterval,
        Duration recomputeInterval,
        History history,
        Duration maxAge,
        DataSize readCacheSize,
        Duration writerCheckInterval) {

    public RankingProperties {
        timeZone = timeZone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : timeZone;
        minVolume = minVolume == null ? 20L : minVolume;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        limitMax = limitMax == null ? 1000 : limitMax;
        topics = topics == null ? new Topics(null, null, null) : topics;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        topicReplicas = topicReplicas == null ? 1 : topicReplicas;
        publishInterval = publishInterval == null ? Duration.ofSeconds(1) : publishInterval;
        recomputeInterval = recomputeInterval == null ? Duration.ofMillis(200) : recomputeInterval;
        history = history == null ? new History(null, null, null) : history;
        maxAge = maxAge == null ? Duration.ZERO : maxAge;
        readCacheSize = readCacheSize == null ? DataSize.ofMegabytes(32) : readCacheSize;
        writerCheckInterval = writerCheckInterval == null ? Duration.ofSeconds(1) : writerCheckInterval;
        if (minVolume < 0) {
            throw new IllegalArgumentException("ranking.min-volume must not be negative");
        }
        if (limitMax < 1) {
            throw new IllegalArgumentException("ranking.limit-max must be positive");
        }
        positive("ranking.publish-interval", publishInterval);
        positive("ranking.recompute-interval", recomputeInterval);
        positive("ranking.writer-check-interval", writerCheckInterval);
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("ranking.max-age must not be negative");
        }
    }

    /**
     * @param units read: the catalogue (catalogue.units.v1)
     * @param stats read: the counts of each unit and period (unit.stats.v1)
     * @param leaderboards written: every change of a leaderboard (leaderboards.v1, compacted)
     */
    public record Topics(String units, String stats, String leaderboards) {

        public Topics {
            units = units == null ? "catalogue.units.v1" : units;
            stats = stats == null ? "unit.stats.v1" : stats;
            leaderboards = leaderboards == null ? "leaderboards.v1" : leaderboards;
        }
    }

    /**
     * @param interval changes are written in one batch per interval, at most one row per leaderboard and interval
     *     (the latest content wins, except that the last content of a local day is always kept)
     * @param fineRetention snapshots younger than this are kept as written; older ones are thinned to the last of
     *     each local day
     * @param thinEvery how often the thinning runs
     */
    public record History(Duration interval, Duration fineRetention, Duration thinEvery) {

        public History {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            fineRetention = fineRetention == null ? Duration.ofDays(2) : fineRetention;
            thinEvery = thinEvery == null ? Duration.ofHours(1) : thinEvery;
            positive("ranking.history.interval", interval);
            positive("ranking.history.thin-every", thinEvery);
            if (fineRetention.isNegative()) {
                throw new IllegalArgumentException("ranking.history.fine-retention must not be negative");
            }
        }
    }

    private static void positive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
