package vn.dossierstats.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone local time of periods
 * @param firstYear the oldest year statistics go back to
 * @param applicationId the Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir where the Streams state stores live
 * @param commitInterval how often results are committed (exactly-once: readers of the topics see them then)
 * @param publishInterval how often changed statistics of running periods are published for the ranking service
 * @param pastPublishInterval how often changed statistics of earlier periods are (a late event ripples through them)
 * @param streamThreads stream threads of this instance
 * @param topicPartitions partitions of the topic this service declares
 * @param topicReplicas replication factor of this service's topics (and Streams' internal ones)
 * @param sourceTopicWait how long to wait at start-up for the topics this service reads
 * @param maxAge how long an HTTP cache may reuse a report without asking again ({@code Cache-Control: max-age}, whole
 *     seconds): a running period's report can change with every fact, so 0: caches revalidate every time, which costs
 *     a 304 without a body while nothing changed
 * @param reportCacheEntries how many computed reports (unit and period) are kept for reads
 * @param advertisedHost the host name other instances reach this one's HTTP port at (Kafka Streams'
 *     {@code application.server}): a report is answered by the instance that holds its unit's buckets
 * @param standbyReplicas warm copies of each store on other instances, so that a dead instance's units are served
 *     again as soon as the group rebalances instead of after a restore from the changelog
 * @param bulkRebuild whether an application id without committed offsets loads its state in bulk from the facts topic
 *     before Kafka Streams starts (stream/BulkRebuild), instead of running every fact through the topology
 */
@ConfigurationProperties("metrics")
public record MetricsProperties(
        ZoneId timeZone,
        int firstYear,
        String applicationId,
        Path stateDir,
        Duration commitInterval,
        Duration publishInterval,
        Duration pastPublishInterval,
        int streamThreads,
        int topicPartitions,
        short topicReplicas,
        Duration sourceTopicWait,
        Duration maxAge,
        int reportCacheEntries,
        String advertisedHost,
        int standbyReplicas,
        boolean bulkRebuild) {}
