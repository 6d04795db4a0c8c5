package vn.dossierstats.ranking.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private static final String AS_OF = "\"asOf\":\"";

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

    /** The leaderboard as the API shapes it, in UTF-8: the bytes sent, digested as they are. */
    static byte[] value(Leaderboard board, Instant changedAt) {
        return JSON.writeValueAsBytes(LeaderboardView.of(board, changedAt.atOffset(ZoneOffset.UTC), null));
    }

    /**
     * The header that carries a record's {@link #contentDigest}, computed once by its writer: a reader of the topic
     * takes it from there instead of digesting every record again (records without it are digested).
     */
    static final String DIGEST_HEADER = "content-sha256";

    private static final byte[] AS_OF_BYTES = AS_OF.getBytes(StandardCharsets.UTF_8);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * The digest of a record's content, its {@code asOf} left out: two instances, or one before and after a restart,
     * publish the same leaderboard with the instants each saw it change at. The value is ours ({@link #value}), so
     * {@code asOf} is the first field of that name, after codes that never hold a quote.
     */
    static byte[] contentDigest(byte[] value) {
        MessageDigest digest = SHA_256.get();
        int field = indexOf(value, AS_OF_BYTES, 0);
        int end = field < 0 ? -1 : indexOf(value, new byte[] {'"'}, field + AS_OF_BYTES.length);
        if (end < 0) {
            return digest.digest(value);
        }
        digest.update(value, 0, field);
        digest.update(value, end + 1, value.length - end - 1);
        return digest.digest();
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
