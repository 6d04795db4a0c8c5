package vn.dossierstats.dossier.drillthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;

/**
 * The dossiers behind each figure of a hand-worked month, and the early warning, on the shared PostgreSQL: each list
 * is the dossiers the figure counts by domain.md's definitions, and its count is its length.
 */
class DrillThroughIT extends IntegrationTest {

    /** A month long past, so that "now" changes nothing in it. */
    private static final String MONTH = "2026-05";

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    private String province;
    private String commune;
    private String prefix;

    @BeforeEach
    void catalogue() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        province = "DT" + id;
        commune = province + ".1";
        prefix = "DT-" + id + "-";
        put("/api/v1/units/" + province, "{\"name\":\"Tỉnh Khoan Sâu\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/units/" + commune,
                "{\"name\":\"Xã Khoan Sâu\",\"level\":\"COMMUNE\",\"parentCode\":\"" + province + "\"}");
        put(
                "/api/v1/procedures/9.100001",
                "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":1,\"unit\":\"WORKING_DAYS\"}}");
    }

    @Test
    void everyFiguresListIsTheDossiersItCountsAndItsCountIsTheirNumber() {
        // carried over from April, ended late in May
        receive("A", "2026-04-28T08:00:00+07:00", "2026-04-29T10:00:00+07:00", "ONLINE");
        event("A", "RESOLVED", "2026-05-04T09:00:00+07:00");
        // received in May: early (online), on time (in person), overdue at the month's end, within deadline, paused
        receive("B", "2026-05-04T09:00:00+07:00", "2026-05-08T17:00:00+07:00", "ONLINE");
        event("B", "RESOLVED", "2026-05-05T09:00:00+07:00");
        receive("C", "2026-05-04T09:00:00+07:00", "2026-05-05T17:00:00+07:00", "DIRECT");
        event("C", "RESOLVED", "2026-05-05T16:00:00+07:00");
        receive("D", "2026-05-20T09:00:00+07:00", "2026-05-22T17:00:00+07:00", "POSTAL");
        receive("E", "2026-05-25T09:00:00+07:00", "2026-06-20T17:00:00+07:00", "ONLINE");
        receive("F", "2026-05-26T09:00:00+07:00", "2026-06-20T17:00:00+07:00", "DIRECT");
        event("F", "SUPPLEMENT_REQUESTED", "2026-05-27T09:00:00+07:00");
        // outside May: ended in April, received in June; refused
        receive("G", "2026-04-01T09:00:00+07:00", "2026-04-02T17:00:00+07:00", "ONLINE");
        event("G", "RESOLVED", "2026-04-02T09:00:00+07:00");
        receive("H", "2026-06-02T09:00:00+07:00", "2026-06-03T17:00:00+07:00", "ONLINE");
        refuse("I", "2026-05-10T09:00:00+07:00");

        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("carriedOver", List.of("A")),
                Map.entry("receivedNew", List.of("B", "C", "D", "E", "F")),
                Map.entry("online", List.of("B", "E")),
                Map.entry("direct", List.of("C", "F")),
                Map.entry("postal", List.of("D")),
                Map.entry("totalToProcess", List.of("A", "B", "C", "D", "E", "F")),
                Map.entry("ended", List.of("A", "B", "C")),
                Map.entry("early", List.of("B")),
                Map.entry("onTime", List.of("C")),
                Map.entry("late", List.of("A")),
                Map.entry("inProgress", List.of("D", "E", "F")),
                Map.entry("withinDeadline", List.of("E", "F")),
                Map.entry("overdue", List.of("D")),
                Map.entry("waitingSupplement", List.of("F")));
        for (String unit : List.of(province, commune)) {
            expected.forEach((figure, dossiers) -> {
                JsonNode answer =
                        getJson("/api/v1/stats/units/" + unit + "/dossiers?period=" + MONTH + "&figure=" + figure);
                assertThat(ids(answer)).as(unit + " " + figure).containsExactlyInAnyOrderElementsOf(dossiers);
                assertThat(answer.get("count").asLong()).as(unit + " " + figure).isEqualTo(dossiers.size());
            });
        }
        JsonNode overdue = getJson("/api/v1/stats/units/" + province + "/dossiers?period=" + MONTH + "&figure=overdue");
        assertThat(overdue.get("dossiers").get(0).get("overdueSince").asString())
                .isEqualTo("2026-05-22T17:00:00+07:00");
    }

    @Test
    void aListIsPagedAndTheCountIsAllOfIt() {
        for (String id : List.of("P1", "P2", "P3")) {
            receive(id, "2026-05-04T09:00:00+07:00", "2026-05-08T17:00:00+07:00", "ONLINE");
        }
        JsonNode first =
                getJson("/api/v1/stats/units/" + province + "/dossiers?period=" + MONTH + "&figure=receivedNew&size=2");
        JsonNode second = getJson(
                "/api/v1/stats/units/" + province + "/dossiers?period=" + MONTH + "&figure=receivedNew&size=2&page=1");

        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("P1", "P2");
        assertThat(ids(second)).containsExactly("P3");
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        String base = "/api/v1/stats/units/" + province + "/dossiers";
        assertProblem(get(base + "?period=" + MONTH), 400, "figure");
        assertProblem(get(base + "?period=" + MONTH + "&figure=nope"), 400, "figure");
        assertProblem(get(base + "?period=2026-13&figure=late"), 400, "period");
        assertProblem(get(base + "?period=2999&figure=late"), 400, "period");
        assertProblem(get(base + "?figure=late&size=0"), 400, "size");
        assertProblem(get(base + "?figure=late&page=-1"), 400, "page");
        assertProblem(get("/api/v1/units/" + province + "/due-soon?withinWorkingHours=x"), 400, "withinWorkingHours");
        assertThat(get("/api/v1/stats/units/NOPE-" + prefix + "/dossiers?figure=late")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theEarlyWarningListsOpenDossiersDueWithinTheWorkingHoursMostUrgentFirst() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        receive("SOON2", local(now.minus(Duration.ofMinutes(10))), local(now.plus(Duration.ofHours(2))), "ONLINE");
        receive("SOON1", local(now.minus(Duration.ofMinutes(10))), local(now.plus(Duration.ofHours(1))), "ONLINE");
        receive("LATER", local(now.minus(Duration.ofMinutes(10))), local(now.plus(Duration.ofDays(30))), "ONLINE");
        receive("PAST", local(now.minus(Duration.ofHours(3))), local(now.minus(Duration.ofHours(1))), "ONLINE");
        receive("PAUSED", local(now.minus(Duration.ofMinutes(10))), local(now.plus(Duration.ofHours(1))), "ONLINE");
        event("PAUSED", "SUPPLEMENT_REQUESTED", local(now.minus(Duration.ofMinutes(5))));
        receive("DONE", local(now.minus(Duration.ofMinutes(10))), local(now.plus(Duration.ofHours(1))), "ONLINE");
        event("DONE", "RESOLVED", local(now.minus(Duration.ofMinutes(5))));

        // a working week: more than two wall-clock hours whatever the day, less than thirty days whatever the holidays
        JsonNode answer = getJson("/api/v1/units/" + province + "/due-soon?withinWorkingHours=40");

        assertThat(ids(answer)).containsExactly("SOON1", "SOON2");
        assertThat(answer.get("count").asLong()).isEqualTo(2);
    }

    private List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("dossiers")
                .forEach(d -> ids.add(d.get("dossierId").asString().substring(prefix.length())));
        return ids;
    }

    private JsonNode getJson(String path) {
        Response response = get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private void receive(String id, String at, String due, String channel) {
        accepted(post(
                "/api/v1/dossier-events",
                "src-drill",
                "{\"eventId\":\"" + prefix + id + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + prefix + id
                        + "\",\"occurredAt\":\"" + at + "\",\"unitCode\":\"" + commune
                        + "\",\"procedureCode\":\"9.100001\",\"channel\":\"" + channel + "\",\"dueAt\":\"" + due
                        + "\"}"));
    }

    private void refuse(String id, String at) {
        accepted(post(
                "/api/v1/dossier-events",
                "src-drill",
                "{\"eventId\":\"" + prefix + id + "-x\",\"type\":\"REFUSED\",\"dossierId\":\"" + prefix + id
                        + "\",\"occurredAt\":\"" + at + "\",\"unitCode\":\"" + commune
                        + "\",\"procedureCode\":\"9.100001\",\"channel\":\"DIRECT\"}"));
    }

    private void event(String id, String type, String at) {
        accepted(post(
                "/api/v1/dossier-events",
                "src-drill",
                "{\"eventId\":\"" + prefix + id + "-" + type + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + prefix
                        + id + "\",\"occurredAt\":\"" + at + "\"}"));
    }

    private static void accepted(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7)).toString();
    }
}
