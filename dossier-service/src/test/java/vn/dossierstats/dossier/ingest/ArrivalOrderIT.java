package vn.dossierstats.dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.RandomHistories;
import vn.dossierstats.dossier.lifecycle.RandomHistories.History;

/**
 * The figures are a function of the set of accepted events (domain.md, Judging), through the real ingestion path and
 * PostgreSQL: each random history goes to two dossiers, once in order and once shuffled with duplicates, as single
 * events and batches; both end with every event applied, the same view and the same last fact, and, where the receipt
 * carries its due instant, the oracle's classification.
 */
class ArrivalOrderIT extends IntegrationTest {

    private static final Instant FROM = Instant.parse("2024-12-31T17:00:00Z");
    private static final String[] PROCEDURES = {"AO.WD", "AO.WH", "AO.CD"};
    private static final int DOSSIERS = 30;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void catalogue() {
        put("/api/v1/units/33", "{\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/33.001", "{\"name\":\"Xã Phù Cừ\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        put("/api/v1/procedures/AO.WD", procedure(2, "WORKING_DAYS", ",\"cutoff\":\"15:00\""));
        put("/api/v1/procedures/AO.WH", procedure(6, "WORKING_HOURS", ""));
        put("/api/v1/procedures/AO.CD", procedure(3, "CALENDAR_DAYS", ""));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void anyArrivalOrderWithDuplicatesGivesTheFiguresOfInOrderDelivery(long seed) {
        Random random = new Random(seed);
        RandomHistories histories = new RandomHistories(seed, "unused");
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < DOSSIERS; i++) {
            History history = histories.next("AO-" + run + "-" + i, FROM);
            String procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
            boolean ownDue = random.nextBoolean();
            String inOrder = "AO-" + run + "-" + i + "-A";
            String shuffled = "AO-" + run + "-" + i + "-B";
            List<String> ordered = history.events().stream()
                    .map(e -> body(e, inOrder, procedure, ownDue ? history.baseDue() : null))
                    .toList();
            ordered.forEach(body -> assertThat(
                            post("/api/v1/dossier-events", "ao-a-" + run, body).status())
                    .as(body)
                    .isEqualTo(202));
            deliverShuffled(
                    history.events().stream()
                            .map(e -> body(e, shuffled, procedure, ownDue ? history.baseDue() : null))
                            .toList(),
                    "ao-b-" + run,
                    random);

            JsonNode a = view(inOrder);
            JsonNode b = view(shuffled);
            assertThat(a.get("events").valueStream().map(e -> e.get("status").asString()))
                    .containsOnly("APPLIED");
            assertThat(b).as("dossier %s against %s", shuffled, inOrder).isEqualTo(a);
            assertThat(lastFact(shuffled)).isEqualTo(lastFact(inOrder));
            if (ownDue) {
                var classification = history.classification(1);
                assertThat(
                                a.get("classification").isNull()
                                        ? null
                                        : a.get("classification").asString())
                        .isEqualTo(classification == null ? null : classification.name());
            }
        }
    }

    /** Shuffled, some events twice, as single requests and batches of up to four: never refused. */
    private void deliverShuffled(List<String> bodies, String source, Random random) {
        List<String> arrivals = new ArrayList<>(bodies);
        int duplicates = random.nextInt(3);
        for (int d = 0; d < duplicates; d++) {
            arrivals.add(arrivals.get(random.nextInt(arrivals.size())));
        }
        Collections.shuffle(arrivals, random);
        for (int at = 0; at < arrivals.size(); ) {
            int size = Math.min(arrivals.size() - at, 1 + random.nextInt(4));
            List<String> chunk = arrivals.subList(at, at + size);
            if (size == 1 && random.nextBoolean()) {
                assertThat(post("/api/v1/dossier-events", source, chunk.getFirst())
                                .status())
                        .isIn(200, 202);
            } else {
                JsonNode answer = json.readTree(
                        post("/api/v1/dossier-events/batch", source, "{\"events\":[" + String.join(",", chunk) + "]}")
                                .body());
                assertThat(answer.get("rejected").asInt()).as(answer.toString()).isZero();
            }
            at += size;
        }
    }

    private JsonNode view(String dossierId) {
        ObjectNode view =
                (ObjectNode) json.readTree(get("/api/v1/dossiers/" + dossierId).body());
        view.remove("dossierId");
        return view;
    }

    /** The last fact published, without what names the dossier or the moment it was published. */
    private JsonNode lastFact(String dossierId) {
        ObjectNode fact = (ObjectNode) json.readTree(jdbc.sql("select last_fact from dossier where dossier_id = ?")
                .param(dossierId)
                .query(String.class)
                .single());
        fact.remove(List.of("dossierId", "sequence", "cause", "acceptedAt"));
        return fact;
    }

    private String body(DossierEvent event, String dossierId, String procedure, Instant dueAt) {
        ObjectNode node = json.createObjectNode()
                .put("eventId", event.eventId())
                .put("type", event.type().name())
                .put("dossierId", dossierId)
                .put("occurredAt", local(event.occurredAt()));
        if (event.type().startsDossier()) {
            node.put("unitCode", "33.001")
                    .put("procedureCode", procedure)
                    .put("channel", event.channel().name());
            node.put("digitized", event.digitized()).put("feeRequired", event.feeRequired());
            if (dueAt != null) {
                node.put("dueAt", local(dueAt));
            }
        }
        if (event.newDueAt() != null) {
            node.put("newDueAt", local(event.newDueAt()));
        }
        if (event.paymentChannel() != null) {
            node.put("paymentChannel", event.paymentChannel().name());
        }
        if (event.result() != null) {
            node.put("result", event.result().name());
        }
        if (event.rating() != null) {
            node.put("rating", event.rating().name());
        }
        return node.toString();
    }

    private static String local(Instant instant) {
        return instant.atZone(RandomHistories.ZONE).toOffsetDateTime().toString();
    }

    private static String procedure(int value, String unit, String extra) {
        return "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":" + value + ",\"unit\":\""
                + unit + "\"}" + extra + "}";
    }
}
