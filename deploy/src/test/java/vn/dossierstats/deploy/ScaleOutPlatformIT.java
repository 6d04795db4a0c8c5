package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of every service behind the gateway; one instance of each (the first of dossier-service and of
 * metrics-service, which holds a share of the stream partitions; the ranking-service instance that holds the writer
 * lease) is killed with SIGKILL while events flow. The source goes on, resending what got 502/503/504 or no answer, as a real source does. At the end every
 * accepted event is counted exactly once (the reports equal the fold of the accepted events), the leaderboard agrees
 * with the reports, no leaderboard snapshot was stored twice nor published twice, and the reads were answered by the survivors within
 * {@link #READS_BACK_WITHIN} of the kill.
 */
class ScaleOutPlatformIT {

    /**
     * After the kill, every read is answered 200 again within this: metrics-service's partitions move once the dead
     * member's Kafka session (10 s) expires, then a standby copy takes over; the gateway leaves a dead instance out
     * within its 1 s health check, and sends a failed read to the other instance at once.
     */
    static final Duration READS_BACK_WITHIN = Duration.ofSeconds(30);
    /** No read waits longer than this for its answer (200, or 503 with Retry-After while partitions move). */
    static final Duration READ_ANSWERED_WITHIN = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int DOSSIERS = 180;
    private static final List<String> CHILDREN = List.of("SO.1", "SO.2", "SO.3");
    private static final String PERIOD = "2025-05";
    private static final String BOARD =
            "/api/v1/leaderboards?level=DEPARTMENT&parent=SO&indicator=ON_TIME_RATE&period=" + PERIOD;

    private static EmbeddedPlatform platform;

    /** One read through the gateway during the run. */
    record Read(String what, long atNanos, int status, long millis) {}

    @BeforeAll
    static void start() throws Exception {
        platform =
                EmbeddedPlatform.start(PlatformOptions.forTests("scale-out-it").withInstances(2));
        put("/api/v1/units/SO", "{\"name\":\"Bộ SO\",\"level\":\"MINISTRY\"}");
        for (String child : CHILDREN) {
            put(
                    "/api/v1/units/" + child,
                    "{\"name\":\"Cục " + child + "\",\"level\":\"DEPARTMENT\",\"parentCode\":\"SO\"}");
        }
        put(
                "/api/v1/procedures/9.SO1",
                "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":10,\"unit\":\"CALENDAR_DAYS\"}}");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killingOneInstanceOfEachServiceMidFlowLosesAndDuplicatesNothing() throws Exception {
        ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = null;
        Map<String, int[]> expected = new HashMap<>(); // unit -> {received, ended}
        long killedAt = 0;
        for (int i = 0; i < DOSSIERS; i++) {
            if (i == 1) {
                // reads of the three services, five times a second, from the first dossier on
                reader = Thread.ofPlatform().name("scale-out-reader").start(() -> {
                    try {
                        do {
                            read(reads, "statistics", "/api/v1/stats/units/SO?period=" + PERIOD);
                            read(reads, "leaderboard", BOARD);
                            read(reads, "dossier", "/api/v1/dossiers/SO-0");
                        } while (!done.await(200, TimeUnit.MILLISECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            if (i == DOSSIERS / 3) {
                // SIGKILL, mid-flow: the first instance of dossier- and metrics-service, the ranking writer
                platform.kill("dossier-service", 0);
                platform.kill("metrics-service", 0);
                platform.kill("ranking-service", rankingWriter());
                killedAt = System.nanoTime();
            }
            String unit = CHILDREN.get(i % CHILDREN.size());
            LocalDate receivedOn = LocalDate.of(2025, 5, 1 + i % 10);
            sendUntilAccepted(received("SO-" + i, unit, receivedOn));
            int[] counts = expected.computeIfAbsent(unit, u -> new int[2]);
            counts[0]++;
            if (i % 2 == 0) {
                // late for one in five of the ended ones: the leaderboard ranks by on-time rate
                sendUntilAccepted(resolved("SO-" + i, receivedOn.plusDays(i % 5 == 0 ? 15 : 2)));
                counts[1]++;
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String unit : CHILDREN) {
                JsonNode report = getJson("/api/v1/stats/units/" + unit + "?period=" + PERIOD);
                assertThat(report.get("received").get("new").asInt())
                        .as(unit + " received")
                        .isEqualTo(expected.get(unit)[0]);
                assertThat(report.get("ended").get("total").asInt())
                        .as(unit + " ended")
                        .isEqualTo(expected.get(unit)[1]);
            }
            JsonNode all = getJson("/api/v1/stats/units/SO?period=" + PERIOD);
            assertThat(all.get("received").get("new").asInt()).isEqualTo(DOSSIERS);
            assertThat(all.get("ended").get("total").asInt()).isEqualTo((DOSSIERS + 1) / 2);
        });
        // the leaderboard, from the statistics stream through ranking-service's survivor, agrees with the reports
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode board = getJson(BOARD);
            List<String> ranked = new ArrayList<>();
            for (JsonNode entry : board.get("entries")) {
                String unit = entry.get("unitCode").asString();
                ranked.add(unit);
                JsonNode report = getJson("/api/v1/stats/units/" + unit + "?period=" + PERIOD);
                assertThat(entry.get("volume").asInt()).as(unit).isEqualTo(expected.get(unit)[1]);
                assertThat(entry.get("value").asDouble())
                        .as(unit)
                        .isCloseTo(report.get("onTimeRate").asDouble(), within(0.0001));
            }
            assertThat(ranked).containsExactlyInAnyOrderElementsOf(CHILDREN);
        });
        done.countDown();
        reader.join();

        assertThat(duplicateSnapshots())
                .as("consecutive equal snapshots of one leaderboard")
                .isZero();
        assertThat(duplicatePublications())
                .as("consecutive records of one leaderboard on leaderboards.v1 with the same content")
                .isEmpty();
        assertReadsAnsweredBySurvivors(List.copyOf(reads), killedAt);
    }

    private static void assertReadsAnsweredBySurvivors(List<Read> reads, long killedAt) {
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.millis()).as(read.toString()).isLessThan(READ_ANSWERED_WITHIN.toMillis());
            // while partitions move: 503 with Retry-After, never another failure
            assertThat(read.status()).as(read.toString()).isIn(200, 503);
        });
        for (String what : List.of("statistics", "leaderboard", "dossier")) {
            List<Read> after = reads.stream()
                    .filter(r -> r.what().equals(what) && r.atNanos() > killedAt)
                    .toList();
            assertThat(after).as(what + " reads after the kill").isNotEmpty();
            long lastFailure = after.stream()
                    .filter(r -> r.status() != 200)
                    .mapToLong(Read::atNanos)
                    .max()
                    .orElse(killedAt);
            System.out.printf(
                    "%s: %d reads after the kill, %d not 200, all 200 again %d ms after it, slowest %d ms%n",
                    what,
                    after.size(),
                    after.stream().filter(r -> r.status() != 200).count(),
                    (lastFailure - killedAt) / 1_000_000,
                    after.stream().mapToLong(Read::millis).max().orElse(0));
            assertThat(Duration.ofNanos(lastFailure - killedAt))
                    .as(what + ": last read not answered 200 after the kill")
                    .isLessThan(READS_BACK_WITHIN);
            assertThat(after.getLast().status()).as(what).isEqualTo(200);
        }
    }

    /** The ranking-service instance that holds the writer lease (its gauge says 1). */
    private static int rankingWriter() throws Exception {
        List<String> urls = platform.instanceUrls("ranking-service");
        for (int i = 0; i < urls.size(); i++) {
            String metrics = HTTP.send(
                            HttpRequest.newBuilder(URI.create(urls.get(i) + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (metrics.lines().anyMatch(line -> line.startsWith("ranking_writer_lease{") && line.endsWith(" 1.0"))) {
                return i;
            }
        }
        throw new AssertionError("no ranking-service instance holds the writer lease");
    }

    /** Snapshots of a leaderboard stored twice with the same content, one after the other (one writer, not two). */
    private static long duplicateSnapshots() throws Exception {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("ranking"), "postgres", "postgres");
                Statement query = db.createStatement();
                ResultSet result = query.executeQuery("""
                        select count(*) from (
                          select content_sha256,
                                 lag(content_sha256) over (partition by board_key order by taken_at) as previous
                          from leaderboard_snapshot) s
                        where s.content_sha256 = s.previous""")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Records of leaderboards.v1 that repeat the content of the one before them for their leaderboard ({@code asOf}
     * aside: it is the instant the sending instance saw the change): what a second writer, or a takeover sending again
     * what the dead writer had sent, would leave.
     */
    private static List<String> duplicatePublications() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, ConsumerRecord<String, String>> previous = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("leaderboards.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ConsumerRecord<String, String> before = previous.put(record.key(), record);
                    if (before != null && withoutAsOf(before).equals(withoutAsOf(record))) {
                        // both records, with their creation instants: which instance sent each, and when
                        duplicates.add(record.partition() + "@" + before.offset() + "/" + before.timestamp() + " "
                                + before.value() + " then @" + record.offset() + "/" + record.timestamp() + " "
                                + record.value());
                    }
                }
            }
        }
        return duplicates;
    }

    private static JsonNode withoutAsOf(ConsumerRecord<String, String> record) {
        ObjectNode content = (ObjectNode) JSON.readTree(record.value());
        content.remove("asOf");
        return content;
    }

    private static String received(String dossierId, String unit, LocalDate on) {
        return "{\"eventId\":\"" + dossierId + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossierId
                + "\",\"occurredAt\":\"" + on + "T09:00:00+07:00\",\"unitCode\":\"" + unit
                + "\",\"procedureCode\":\"9.SO1\",\"channel\":\"ONLINE\",\"dueAt\":\"" + on.plusDays(10)
                + "T09:00:00+07:00\",\"digitized\":true,\"feeRequired\":false}";
    }

    private static String resolved(String dossierId, LocalDate on) {
        return "{\"eventId\":\"" + dossierId + "-e\",\"type\":\"RESOLVED\",\"dossierId\":\"" + dossierId
                + "\",\"occurredAt\":\"" + on + "T10:00:00+07:00\",\"result\":\"APPROVED\"}";
    }

    /**
     * As a source does: resends on 502, 503, 504 or no answer (the event may or may not have been stored: ingestion is
     * idempotent by event id, so a resend is answered 200 as a duplicate); any other answer must be 202 or 200.
     */
    private static void sendUntilAccepted(String event) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .pollDelay(Duration.ZERO)
                .until(() -> {
                    HttpResponse<String> response;
                    try {
                        response = HTTP.send(
                                HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                                        .header("Content-Type", "application/json")
                                        .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                                        .timeout(Duration.ofSeconds(15))
                                        .POST(HttpRequest.BodyPublishers.ofString(event))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException noAnswer) {
                        return false;
                    }
                    if (List.of(502, 503, 504).contains(response.statusCode())) {
                        return false;
                    }
                    assertThat(response.statusCode())
                            .as(event + " -> " + response.body())
                            .isIn(200, 202);
                    return true;
                });
    }

    private static void read(ConcurrentLinkedQueue<Read> reads, String what, String path) {
        long started = System.nanoTime();
        int status;
        try {
            status = HTTP.send(
                            HttpRequest.newBuilder(uri(path))
                                    .timeout(READ_ANSWERED_WITHIN.plusSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        reads.add(new Read(what, started, status, (System.nanoTime() - started) / 1_000_000));
    }

    private static void put(String path, String json) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                            .PUT(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 || response.statusCode() == 201;
        });
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(15))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }
}
