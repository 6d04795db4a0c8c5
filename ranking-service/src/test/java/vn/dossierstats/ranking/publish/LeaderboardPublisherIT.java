package vn.dossierstats.ranking.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.SharedKafka;
import vn.dossierstats.ranking.SharedPostgres;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.writer.WriterLease;

/**
 * Two instances publishing one leaderboard topic on a real broker, with their writer leases on a real PostgreSQL:
 * each change is on the topic once, whichever instance sent it, across a takeover and a restart.
 */
class LeaderboardPublisherIT {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Runnable> stops = new ArrayList<>();
    private String topic;
    private RankingProperties properties;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void topic() throws Exception {
        topic = "leaderboards-" + UUID.randomUUID();
        properties = new RankingProperties(
                null,
                null,
                null,
                null,
                new RankingProperties.Topics(null, null, topic),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMillis(100));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        dataSource = new DriverManagerDataSource(SharedPostgres.jdbcUrl("publisher_it"), "postgres", "");
    }

    @AfterEach
    void stop() {
        stops.reversed().forEach(Runnable::run);
    }

    @Test
    void aStandbyThatTakesOverSendsOnlyWhatTheDeadWriterLeftUnsent() {
        Instance writer = new Instance(lease(), "2026-06-30T10:00:00Z");
        await().atMost(BOUND).until(writer.lease::held);
        Instance standby = new Instance(lease(), "2026-06-30T10:00:01Z");

        for (Instance instance : List.of(writer, standby)) {
            instance.sees(board("01", 0.9));
            instance.sees(board("33", 0.7));
        }
        await().atMost(BOUND).until(() -> writer.publishedUpTo(2));
        standby.publisher.publish();

        // both see the next change; the writer dies before it sends it
        writer.sees(board("01", 0.8));
        standby.sees(board("01", 0.8));
        writer.lease.stop();
        await().atMost(BOUND).until(standby.lease::held);
        await().atMost(BOUND).until(() -> standby.publishedUpTo(3));

        assertThat(firstEntries()).containsExactlyInAnyOrder("01=0.9", "33=0.7", "01=0.8");
        assertThat(firstEntries().stream().filter(e -> e.startsWith("01"))).containsExactly("01=0.9", "01=0.8");
        assertThat(standby.unchanged()).isEqualTo(1);
    }

    @Test
    void aRestartedWriterDoesNotSendAgainWhatTheTopicHoldsButSendsAChangeBack() {
        WriterLease lease = lease();
        await().atMost(BOUND).until(lease::held);
        Instance before = new Instance(lease, "2026-06-30T10:00:00Z");
        before.sees(board("01", 0.9));
        before.sees(board("33", 0.7));
        await().atMost(BOUND).until(() -> before.publishedUpTo(2));

        // a start reports every leaderboard, at another instant
        Instance after = new Instance(lease, "2026-06-30T11:00:00Z");
        after.sees(board("33", 0.7));
        await().atMost(BOUND).until(() -> {
            after.publisher.publish();
            return after.unchanged() == 1;
        });
        after.sees(board("01", 0.9));
        after.publisher.publish();
        assertThat(after.unchanged()).isEqualTo(2);

        after.sees(board("01", 0.5));
        after.publisher.publish();
        after.sees(board("01", 0.9));
        after.publisher.publish();
        after.template.flush();
        assertThat(firstEntries()).containsExactlyInAnyOrder("01=0.9", "33=0.7", "01=0.5", "01=0.9");
        assertThat(firstEntries().stream().filter(e -> e.startsWith("01")))
                .containsExactly("01=0.9", "01=0.5", "01=0.9");
    }

    private WriterLease lease() {
        WriterLease lease = new WriterLease(dataSource, properties);
        lease.start();
        stops.add(() -> {
            if (lease.isRunning()) {
                lease.stop();
            }
        });
        return lease;
    }

    /** The first entry of each record of the test's leaderboard on the topic, in order. */
    private List<String> firstEntries() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> entries = new ArrayList<>();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var first = JSON.readTree(record.value()).at("/entries/0");
                    entries.add(first.get("unitCode").asString() + "="
                            + first.get("value").asDouble());
                }
            }
            return entries;
        }
    }

    private static Leaderboard board(String first, double value) {
        return new Leaderboard(
                "PROVINCE",
                null,
                "2026-Q2",
                first.equals("01") ? Indicator.ON_TIME_RATE : Indicator.PROGRESS_SCORE,
                20,
                List.of(new Leaderboard.Entry(1, first, "Tỉnh " + first, value, 100, null, null)),
                List.of());
    }

    /** One ranking-service instance's publishing part: its lease, its reader of the topic, its publisher. */
    private final class Instance {

        final WriterLease lease;
        final KafkaTemplate<String, byte[]> template;
        final LeaderboardPublisher publisher;
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();

        Instance(WriterLease lease, String clock) {
            this.lease = lease;
            KafkaProperties kafka = new KafkaProperties();
            kafka.setBootstrapServers(List.of(SharedKafka.bootstrapServers()));
            PublishedLeaderboards reader = new PublishedLeaderboards(kafka, properties);
            reader.start();
            var producers = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            this.template = new KafkaTemplate<>(producers);
            this.publisher = new LeaderboardPublisher(
                    template, lease, reader, properties, Clock.fixed(Instant.parse(clock), ZoneOffset.UTC), meters);
            stops.add(() -> {
                reader.stop();
                producers.destroy();
            });
        }

        void sees(Leaderboard board) {
            publisher.updated(List.of(board));
        }

        /** Publishes what is pending (once the topic is read) and tells whether the topic has that many records. */
        boolean publishedUpTo(int records) {
            publisher.publish();
            template.flush();
            return firstEntries().size() >= records;
        }

        double unchanged() {
            return meters.counter("ranking.leaderboards.unchanged").count();
        }
    }
}
