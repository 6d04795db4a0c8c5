package vn.dossierstats.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;
import vn.dossierstats.unitstats.Period;

/** The leaderboards from a containerised Kafka, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RankingServiceContainersIT {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Autowired
    LeaderboardBook book;

    @BeforeAll
    static void records() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            admin.createTopics(Set.of(
                            new NewTopic("catalogue.units.v1", 1, (short) 1),
                            new NewTopic("unit.stats.v1", 1, (short) 1)))
                    .all()
                    .get();
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(
                    "catalogue.units.v1",
                    "H26",
                    "{\"code\":\"H26\",\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\",\"parentCode\":null}"));
            producer.send(new ProducerRecord<>("unit.stats.v1", "H26|2026-07", """
                    {"unitCode":"H26","period":"2026-07","counts":{"carriedOver":10,"receivedNew":100,"online":60,
                    "direct":35,"postal":5,"early":50,"onTime":30,"late":5,"withinDeadline":20,"overdue":5,
                    "digitized":95,"feeRequired":0,"paidOnline":0},"updatedAt":"2026-07-02T03:00:00.300Z",
                    "lastAcceptedAt":"2026-07-02T03:00:00.125Z"}"""));
        }
    }

    @Test
    void aProvinceIsRankedFromTheTopics() {
        LeaderboardKey key =
                new LeaderboardKey("PROVINCE", null, Period.parse("2026-07").orElseThrow(), Indicator.ON_TIME_RATE);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> book.get(key).entries().size() == 1);
        Leaderboard.Entry entry = book.get(key).entries().getFirst();
        assertThat(entry.unitCode()).isEqualTo("H26");
        assertThat(entry.value()).isEqualTo(0.9412);
    }
}
