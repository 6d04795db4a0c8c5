package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A second metrics-service under a new application id recomputes every statistic from the facts topic. Done is when
 * its consumer group has read every topic to the end and its figures equal the live ones; until the group has
 * caught up only the broker is asked, so that the measurement does not load the instance it measures.
 */
final class Rebuild {

    private static final String FACTS_TOPIC = "dossier.facts.v1";

    private Rebuild() {}

    static void run(BenchmarkRun run) throws Exception {
        long live = run.provincesReceived(run.gateway::getJson);
        long facts = factsInTopic(run.platform.kafkaBootstrap());
        long events = run.events.get();
        int port = freePort();
        String base = "http://localhost:" + port;
        String applicationId = "metrics-rebuild-" + System.currentTimeMillis();
        Instant start = Instant.now();
        try (AutoCloseable rebuild = run.platform.startRebuild(applicationId, port);
                Admin admin = admin(run.platform.kafkaBootstrap())) {
            Instant up = null;
            Instant deadline = start.plus(Duration.ofHours(2));
            while (Instant.now().isBefore(deadline)) {
                if (up == null && run.gateway.getJson(base, "/actuator/health/liveness") != null) {
                    up = Instant.now();
                }
                if (up != null
                        && caughtUp(admin, applicationId)
                        && run.provincesReceived(path -> run.gateway.getJson(base, path)) == live) {
                    break;
                }
                LockSupport.parkNanos(100_000_000);
            }
            Instant done = Instant.now();
            if (up == null || !done.isBefore(deadline)) {
                throw new IllegalStateException("the rebuild did not reach the live figures");
            }
            Duration replay = Duration.between(up, done);
            double factRate = facts * 1000.0 / Math.max(1, replay.toMillis());
            double eventRate = events * 1000.0 / Math.max(1, replay.toMillis());
            run.results.add(
                    "rebuild: %,d facts (the history of %,d accepted events) recomputed".formatted(facts, events),
                    "%,.0f facts/s = %,.0f events/s (%s s after the JVM was up; %s s in all); figures equal the live ones"
                            .formatted(
                                    factRate,
                                    eventRate,
                                    BenchmarkRun.seconds(replay),
                                    BenchmarkRun.seconds(Duration.between(start, done))),
                    "≥ 100,000 facts/s",
                    factRate >= 100_000);
        }
    }

    /** Whether the consumer group has committed the end of every partition it reads (input and repartition topic). */
    private static boolean caughtUp(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            if (committed.keySet().stream().noneMatch(p -> p.topic().equals(FACTS_TOPIC))) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null
                            && e.getValue().offset() >= ends.get(e.getKey()).offset());
        } catch (Exception e) {
            return false; // the group is not there yet
        }
    }

    private static long factsInTopic(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            var partitions = admin.describeTopics(List.of(FACTS_TOPIC))
                    .allTopicNames()
                    .get()
                    .get(FACTS_TOPIC)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            partitions.forEach(p -> {
                latest.put(new TopicPartition(FACTS_TOPIC, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(FACTS_TOPIC, p.partition()), OffsetSpec.earliest());
            });
            long end = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            long begin = admin.listOffsets(earliest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            return end - begin;
        }
    }

    private static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
