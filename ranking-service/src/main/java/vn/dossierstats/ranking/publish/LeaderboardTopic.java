package vn.dossierstats.ranking.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.web.LeaderboardView;

/**
 * The topic this service writes and declares (docs/events.md): {@code leaderboards.v1}, compacted. Key:
 * {@code level|parent|period|indicator} (parent empty when nationwide). Value: the leaderboard as the API shapes it,
 * {@code asOf} being the instant it changed, in UTC like every instant on topics.
 */
@Configuration(proxyBeanMethods = false)
public class LeaderboardTopic {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    KafkaAdmin.NewTopics leaderboardTopics(RankingProperties properties) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(properties.topics().leaderboards())
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.COMPRESSION_TYPE_CONFIG,
                        "producer",
                        // what the producer may send (max.request.size), a nationwide commune board included
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(4 * 1024 * 1024)))
                .build());
    }

    /**
     * Closing the producer waits at most 5 s (not 30) for records the broker has not taken: they are published again
     * at the next start anyway.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer shortProducerClose() {
        return factory -> factory.setPhysicalCloseTimeout(5);
    }

    static String key(Leaderboard board) {
        return board.id();
    }

    static String value(Leaderboard board, Instant changedAt) {
        return JSON.writeValueAsString(LeaderboardView.of(board, changedAt.atOffset(ZoneOffset.UTC), null));
    }
}
