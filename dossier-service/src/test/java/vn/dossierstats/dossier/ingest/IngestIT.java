package vn.dossierstats.dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

class IngestIT extends IntegrationTest {

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);

    @Autowired
    JsonMapper json;

    private String dossier;
    private String source;

    @BeforeEach
    void catalogue() {
        put("/api/v1/units/33", "{\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/33.001", "{\"name\":\"Xã Phù Cừ\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        put(
                "/api/v1/procedures/1.004227",
                "{\"name\":\"Đăng ký đất đai\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
        dossier = "D-" + UUID.randomUUID();
        source = "src-" + UUID.randomUUID();
    }

    @Test
    void aReceivedAndAResolvedPublishFactsInOrderWithSequences() {
        assertThat(post(received("e1", "2026-07-06T08:00:00+07:00")).status()).isEqualTo(202);
        assertThat(post(event("e2", "RESOLVED", "2026-07-07T09:00:00+07:00")).status())
                .isEqualTo(202);

        var facts = readUntil(
                Topics.DOSSIER_FACTS,
                records -> records.stream().filter(r -> r.key().equals(dossier)).count() == 2);
        var mine = facts.stream().filter(r -> r.key().equals(dossier)).toList();
        JsonNode first = json.readTree(mine.get(0).value());
        JsonNode second = json.readTree(mine.get(1).value());
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(first.get("unitPath").toString()).isEqualTo("[\"33\",\"33.001\"]");
        assertThat(first.get("dueAt").asString()).isEqualTo("2026-07-09T01:00:00Z");
        assertThat(second.get("sequence").asLong()).isEqualTo(2);
        assertThat(second.get("classification").asString()).isEqualTo("EARLY");
        assertThat(second.get("cause").get("type").asString()).isEqualTo("RESOLVED");
        assertThat(second.get("domain").asString()).isEqualTo("Đất đai");

        JsonNode view = json.readTree(get("/api/v1/dossiers/" + dossier).body());
        assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(view.get("dueAt").asString()).isEqualTo("2026-07-09T08:00:00+07:00");
        assertThat(view.get("classification").asString()).isEqualTo("EARLY");
        assertThat(view.get("events")).hasSize(2);
    }

    @Test
    void theSameEventTwiceIsADuplicateAndDifferentContentIsAConflict() {
        String body = received("e1", "2026-07-06T08:00:00+07:00");
        assertThat(post(body).status()).isEqualTo(202);
        Response again = post(body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"DUPLICATE\"");

        Response conflict = post(received("e1", "2026-07-06T09:00:00+07:00"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aResolvedBeforeItsReceivedWaitsAndIsAppliedWhenTheReceivedArrives() {
        assertThat(post(event("e2", "RESOLVED", "2026-07-09T08:00:00+07:00")).status())
                .isEqualTo(202);
        Response awaiting = get("/api/v1/dossiers/" + dossier);
        assertThat(awaiting.status()).isEqualTo(200);
        assertThat(json.readTree(awaiting.body()).get("status").asString()).isEqualTo("AWAITING_RECEIPT");
        assertThat(json.readTree(awaiting.body())
                        .get("events")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("WAITING");
        assertThat(post(received("e1", "2026-07-06T08:00:00+07:00")).status()).isEqualTo(202);

        JsonNode view = json.readTree(get("/api/v1/dossiers/" + dossier).body());
        assertThat(view.get("classification").asString()).isEqualTo("ON_TIME");
        assertThat(view.get("events").get(1).get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void resolvingTwiceIsRejectedNamingTheState() {
        post(received("e1", "2026-07-06T08:00:00+07:00"));
        post(event("e2", "RESOLVED", "2026-07-07T09:00:00+07:00"));
        Response twice = post(event("e3", "RESOLVED", "2026-07-07T10:00:00+07:00"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("RESOLVED");
    }

    @Test
    void malformedEventsAreRejectedNamingTheField() {
        Response missing = post("{\"eventId\":\"x\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"2026-07-06T08:00:00+07:00\",\"unitCode\":\"33.001\",\"channel\":\"FAX\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"field\":\"procedureCode\"").contains("\"field\":\"channel\"");

        Response future = post(event(
                "x2",
                "RESOLVED",
                OffsetDateTime.now(LOCAL).plus(Duration.ofHours(1)).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"occurredAt\"");

        // the statistics count from 2000 (first-year): an earlier event would be accepted and never counted
        Response before2000 = post(received("x3", "1999-12-31T23:59:59+07:00"));
        assertThat(before2000.status()).isEqualTo(400);
        assertThat(before2000.body())
                .contains("\"field\":\"occurredAt\"")
                .contains("must not be before 2000-01-01T00:00:00+07:00");
        assertThat(post(received("x4", "2000-01-01T00:00:00+07:00")).status()).isEqualTo(202);

        assertThat(post("{not json").status()).isEqualTo(400);
        assertThat(post("{\"eventId\":1}").body()).contains("\"field\":\"eventId\"");
    }

    @Test
    void anElectronicResultAndEveryRatingWithItsInstantReachTheFact() {
        assertThat(post(received("e1", "2026-07-06T08:00:00+07:00")).status()).isEqualTo(202);
        assertThat(post(event("e2", "RESOLVED", "2026-07-07T09:00:00+07:00")
                                .replace("}", ",\"electronicResult\":true}"))
                        .status())
                .isEqualTo(202);
        assertThat(post(event("e3", "RATED", "2026-07-08T09:00:00+07:00").replace("}", ",\"rating\":\"DISSATISFIED\"}"))
                        .status())
                .isEqualTo(202);
        var facts = readUntil(
                Topics.DOSSIER_FACTS,
                records -> records.stream().filter(r -> r.key().equals(dossier)).count() == 3);
        JsonNode last = json.readTree(facts.stream()
                .filter(r -> r.key().equals(dossier))
                .toList()
                .get(2)
                .value());
        assertThat(last.get("electronicResult").asBoolean()).isTrue();
        assertThat(last.get("ratings").toString())
                .isEqualTo("[{\"at\":\"2026-07-08T02:00:00Z\",\"rating\":\"DISSATISFIED\"}]");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anEventStoredBeforeElectronicResultExistedIsADuplicateWhenSentAgainNotAConflict() {
        String body = received("e1", "2026-07-06T08:00:00+07:00");
        assertThat(post(body).status()).isEqualTo(202);
        assertThat(jdbc.sql("select body from dossier_event where source = ? and event_id = 'e1'")
                        .param(source)
                        .query(String.class)
                        .single())
                .contains("\"electronicResult\":null");
        // as an earlier version stored it: without the field
        int changed = jdbc.sql("""
                        update dossier_event set body = replace(body, ',"electronicResult":null', '')
                        where source = ? and event_id = 'e1'""").param(source).update();
        assertThat(changed).isEqualTo(1);
        assertThat(jdbc.sql("select body from dossier_event where source = ? and event_id = 'e1'")
                        .param(source)
                        .query(String.class)
                        .single())
                .doesNotContain("electronicResult");

        Response again = post(body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"DUPLICATE\"");
        assertThat(post(received("e1", "2026-07-06T09:00:00+07:00")).status()).isEqualTo(409);
    }

    @Test
    void anElectronicResultThatIsNotABooleanIsABadRequestNamingTheField() {
        post(received("e1", "2026-07-06T08:00:00+07:00"));
        Response response = post(event("e2", "RESULT_RETURNED", "2026-07-07T09:00:00+07:00")
                .replace("}", ",\"electronicResult\":\"yes\"}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"electronicResult\"");
    }

    @Test
    void anUnknownUnitIsUnprocessable() {
        Response response = post(received("e1", "2026-07-06T08:00:00+07:00").replace("33.001", "99.999"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("unitCode");
    }

    @Test
    void aMissingSourceIsUnauthorized() {
        assertThat(post("/api/v1/dossier-events", null, received("e1", "2026-07-06T08:00:00+07:00"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aBatchJudgesEachEventOnItsOwn() {
        String batch = "{\"events\":[" + received("b1", "2026-07-06T08:00:00+07:00") + ","
                + received("b1", "2026-07-06T08:00:00+07:00") + ","
                + event("b2", "RESOLVED", "2026-07-07T08:00:00+07:00") + ","
                + event("b3", "RESOLVED", "2026-07-07T09:00:00+07:00") + "]}";
        Response response = post("/api/v1/dossier-events/batch", source, batch);
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
        assertThat(answer.get("results").get(3).get("error").get("status").asInt())
                .isEqualTo(422);

        assertThat(post("/api/v1/dossier-events/batch", source, "{\"events\":[]}")
                        .status())
                .isEqualTo(400);
    }

    private Response post(String body) {
        return post("/api/v1/dossier-events", source, body);
    }

    private String received(String eventId, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + at
                + "\",\"unitCode\":\"33.001\",\"procedureCode\":\"1.004227\",\"channel\":\"ONLINE\"}";
    }

    private String event(String eventId, String type, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + at + "\"}";
    }
}
