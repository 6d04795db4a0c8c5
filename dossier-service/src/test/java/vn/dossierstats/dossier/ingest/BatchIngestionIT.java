package vn.dossierstats.dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

/** Set-based batches: events of one batch see those before them, rejections leave no trace, batches may race. */
class BatchIngestionIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private String source;
    private String run;

    @BeforeEach
    void catalogue() {
        put("/api/v1/units/33", "{\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/33.001", "{\"name\":\"Xã Phù Cừ\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        put(
                "/api/v1/procedures/1.004227",
                "{\"name\":\"Đăng ký đất đai\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
        source = "src-" + UUID.randomUUID();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBatchOfNewDossiersAppliesEachDossiersEventsInOrderWhateverTheirArrival() {
        String both = "B-" + run + "-both";
        String early = "B-" + run + "-early";
        String alone = "B-" + run + "-alone";

        JsonNode answer = batch(
                received("r1", both, "2026-07-06T08:00:00+07:00"),
                event("s1", "RESOLVED", both, "2026-07-07T09:00:00+07:00"),
                event("s2", "RESOLVED", early, "2026-07-09T08:00:00+07:00"),
                received("r2", early, "2026-07-06T08:00:00+07:00"),
                received("r3", alone, "2026-07-06T08:00:00+07:00"));

        assertThat(answer.get("accepted").asInt()).isEqualTo(5);
        assertThat(answer.get("rejected").asInt()).isZero();
        assertThat(view(both).get("classification").asString()).isEqualTo("EARLY");
        assertThat(view(early).get("classification").asString()).isEqualTo("ON_TIME");
        assertThat(view(early).get("events").get(1).get("status").asString()).isEqualTo("APPLIED");
        assertThat(view(alone).get("status").asString()).isEqualTo("OPEN");

        Map<String, List<JsonNode>> facts = facts(Map.of(both, 2, early, 1, alone, 1));
        // received and resolved in one transaction: only the resolved state was ever committed, and is published
        assertThat(facts.get(both))
                .extracting(
                        f -> f.get("sequence").asLong() + " " + f.get("status").asString())
                .containsExactly("2 RESOLVED");
        assertThat(facts.get(early))
                .extracting(
                        f -> f.get("sequence").asLong() + " " + f.get("status").asString())
                .containsExactly("1 RESOLVED");
        assertThat(facts.get(alone).getFirst().get("unitPath").toString()).isEqualTo("[\"33\",\"33.001\"]");
    }

    @Test
    void theSameEventTwiceInABatchIsADuplicateAndDifferentContentIsAConflict() {
        String dossier = "B-" + run;

        JsonNode answer = batch(
                received("r1", dossier, "2026-07-06T08:00:00+07:00"),
                received("r1", dossier, "2026-07-06T08:00:00+07:00"),
                received("r1", dossier, "2026-07-06T09:00:00+07:00"));

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(results.get(2).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(2).get("error").get("status").asInt()).isEqualTo(409);
        assertThat(view(dossier).get("receivedAt").asString()).isEqualTo("2026-07-06T08:00:00+07:00");
    }

    @Test
    void aRejectedEventAmongAcceptedOnesLeavesNoTrace() {
        String kept = "B-" + run + "-kept";
        String refused = "B-" + run + "-refused";

        JsonNode answer = batch(
                received("r1", kept, "2026-07-06T08:00:00+07:00"),
                received("r2", refused, "2026-07-06T08:00:00+07:00").replace("33.001", "99.999"),
                event("s1", "RESOLVED", kept, "2026-07-07T09:00:00+07:00"),
                event("s2", "RESOLVED", kept, "2026-07-07T10:00:00+07:00"));

        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("results").get(1).get("error").get("status").asInt())
                .isEqualTo(422);
        assertThat(answer.get("results").get(3).get("error").get("status").asInt())
                .isEqualTo(422);
        assertThat(get("/api/v1/dossiers/" + refused).status()).isEqualTo(404);
        assertThat(count("select count(*) from dossier where dossier_id = ?", refused))
                .as("no dossier row")
                .isZero();
        assertThat(count("select count(*) from dossier_event where source = ? and event_id in ('r2', 's2')", source))
                .isZero();
        assertThat(count("select fact_sequence from dossier where dossier_id = ?", kept))
                .isEqualTo(2);
        assertThat(view(kept).get("events")).hasSize(2);
        // nothing of the refused events was stored: their identities are new
        JsonNode again = batch(
                received("r2", refused, "2026-07-06T08:00:00+07:00"),
                event("s2", "RESULT_RETURNED", kept, "2026-07-07T10:00:00+07:00"));
        assertThat(again.get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentBatchesOverTheSameDossiersCountEveryEventOnceAndPublishEachDossiersFactsInSequenceOrder()
            throws Exception {
        int dossiers = 60;
        int rounds = 4;
        Map<String, Integer> expectedFacts = new HashMap<>();
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                List<String> first = new ArrayList<>();
                List<String> second = new ArrayList<>();
                for (int i = 0; i < dossiers; i++) {
                    String dossier = "C-" + run + "-" + round + "-" + i;
                    String receipt = received("r-" + dossier, dossier, "2026-07-06T08:00:00+07:00");
                    first.add(receipt);
                    second.addFirst(paid("p-" + dossier, dossier));
                    if (i % 2 == 0) {
                        second.add(receipt); // the same event in both: one of them finds it a duplicate
                    }
                    expectedFacts.put(dossier, 0);
                }
                // the same identity for two dossiers: the batches race on its key, one wins, the other conflicts
                first.add(received("shared-" + round, "C-" + run + "-" + round + "-a", "2026-07-06T08:00:00+07:00"));
                second.add(received("shared-" + round, "C-" + run + "-" + round + "-b", "2026-07-06T08:00:00+07:00"));

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<JsonNode> a =
                        CompletableFuture.supplyAsync(() -> awaitThenBatch(start, first), clients);
                CompletableFuture<JsonNode> b =
                        CompletableFuture.supplyAsync(() -> awaitThenBatch(start, second), clients);
                start.countDown();
                for (JsonNode answer : List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS))) {
                    accepted += answer.get("accepted").asInt();
                    duplicates += answer.get("duplicates").asInt();
                    rejected += answer.get("rejected").asInt();
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(accepted).isEqualTo(rounds * (2 * dossiers + 1));
        assertThat(duplicates).isEqualTo(rounds * dossiers / 2);
        assertThat(rejected).isEqualTo(rounds);
        assertThat(meters.counter("dossier.events", "type", "RECEIVED", "outcome", "accepted", "source", source)
                        .count())
                .isEqualTo(rounds * (dossiers + 1));
        assertThat(meters.counter("dossier.events", "type", "PAID", "outcome", "accepted", "source", source)
                        .count())
                .isEqualTo(rounds * dossiers);
        assertThat(meters.counter("dossier.events", "type", "RECEIVED", "outcome", "duplicate", "source", source)
                        .count())
                .isEqualTo(rounds * dossiers / 2);
        expectedFacts.replaceAll(
                (dossier, none) -> count("select fact_sequence from dossier where dossier_id = ?", dossier));
        assertThat(expectedFacts.values())
                .allSatisfy(sequence -> assertThat(sequence).isBetween(1, 2));
        Map<String, List<JsonNode>> facts = facts(expectedFacts);
        facts.forEach((dossier, published) -> {
            List<Integer> sequences =
                    published.stream().map(f -> f.get("sequence").asInt()).toList();
            assertThat(sequences).as(dossier).isSorted().doesNotHaveDuplicates();
            assertThat(sequences.getLast()).as(dossier).isEqualTo(expectedFacts.get(dossier));
        });
        assertThat(facts.values()).allSatisfy(published -> assertThat(
                        published.getLast().get("paidOnlineAt").isNull())
                .isFalse());
    }

    private JsonNode awaitThenBatch(CountDownLatch start, List<String> events) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return batch(events.toArray(String[]::new));
    }

    private JsonNode batch(String... events) {
        Response response =
                post("/api/v1/dossier-events/batch", source, "{\"events\":[" + String.join(",", events) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode view(String dossier) {
        Response response = get("/api/v1/dossiers/" + dossier);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    /** The facts published for each dossier, read until the one with its expected last sequence has come. */
    private Map<String, List<JsonNode>> facts(Map<String, Integer> lastSequence) {
        List<ConsumerRecord<String, String>> records = readUntil(
                Topics.DOSSIER_FACTS, all -> lastSequence.entrySet().stream().allMatch(e -> all.stream()
                        .anyMatch(r -> r.key().equals(e.getKey())
                                && json.readTree(r.value()).get("sequence").asInt() == e.getValue())));
        Map<String, List<JsonNode>> facts = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (lastSequence.containsKey(record.key())) {
                facts.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(json.readTree(record.value()));
            }
        }
        return facts;
    }

    private static String received(String eventId, String dossier, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + at
                + "\",\"unitCode\":\"33.001\",\"procedureCode\":\"1.004227\",\"channel\":\"ONLINE\"}";
    }

    private static String paid(String eventId, String dossier) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PAID\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"2026-07-06T09:00:00+07:00\",\"paymentChannel\":\"ONLINE\"}";
    }

    private static String event(String eventId, String type, String dossier, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + at + "\"}";
    }
}
