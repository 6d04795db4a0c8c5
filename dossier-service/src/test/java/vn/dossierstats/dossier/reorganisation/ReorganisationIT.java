package vn.dossierstats.dossier.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

/**
 * Two provinces merged on 2025-07-01 into one that keeps its code: the reorganisation is recorded atomically, the
 * units show their validity, and each dossier counts under the ancestry of its receipt date, its unit's successor
 * when the unit had ended by then, however late its events arrive.
 */
class ReorganisationIT extends IntegrationTest {

    private static final String SOURCE = "src-reorganisation";

    @Test
    void aMergerEndsTheMergedUnitMovesItsChildrenAndCountsLaterReceiptsUnderTheSuccessor() {
        put("/api/v1/units/RGA", "{\"name\":\"Tỉnh A\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RGB", "{\"name\":\"Tỉnh B\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RGB.1", "{\"name\":\"Xã B1\",\"level\":\"COMMUNE\",\"parentCode\":\"RGB\"}");
        put(
                "/api/v1/procedures/2.000924",
                "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
        // received before the merger, resolved after it is recorded
        assertThat(receive("RG-1", "RGB.1", "2025-06-30T16:59:59+07:00").status())
                .isEqualTo(202);

        Response recorded = post(
                "/api/v1/reorganisations",
                null,
                "{\"effective\":\"2025-07-01\",\"merges\":[{\"into\":\"RGA\",\"from\":[\"RGA\",\"RGB\"]}]}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body())
                .contains("\"ended\":[{\"code\":\"RGB\",\"successor\":\"RGA\"}]")
                .contains("\"moved\":[{\"code\":\"RGB.1\",\"from\":\"RGB\",\"to\":\"RGA\"}]");
        assertThat(get("/api/v1/units/RGB").body())
                .contains("\"validTo\":\"2025-06-30\"")
                .contains("\"successor\":\"RGA\"");
        assertThat(get("/api/v1/units/RGB.1").body()).contains("\"parentCode\":\"RGA\"");
        assertThat(get("/api/v1/reorganisations").body()).contains("\"effective\":\"2025-07-01\"");
        readUntil(Topics.UNITS, r -> r.stream()
                .anyMatch(x -> x.key().equals("RGB") && x.value().contains("RGA")));

        assertThat(post("/api/v1/dossier-events", SOURCE, event("RG-1", "RESOLVED", "2025-07-02T09:00:00+07:00"))
                        .status())
                .isEqualTo(202);
        assertThat(receive("RG-2", "RGB.1", "2025-07-01T00:00:00+07:00").status())
                .isEqualTo(202);
        assertThat(receive("RG-3", "RGB", "2025-07-03T08:00:00+07:00").status()).isEqualTo(202);
        assertThat(receive("RG-4", "RGB", "2025-06-15T08:00:00+07:00").status()).isEqualTo(202);

        assertThat(latestPath("RG-1", "RESOLVED")).isEqualTo("[\"RGB\",\"RGB.1\"]");
        assertThat(latestPath("RG-2", "RECEIVED")).isEqualTo("[\"RGA\",\"RGB.1\"]");
        assertThat(latestPath("RG-3", "RECEIVED")).isEqualTo("[\"RGA\"]");
        assertThat(latestPath("RG-4", "RECEIVED")).isEqualTo("[\"RGB\"]");
        // the event keeps the code it was sent with
        assertThat(get("/api/v1/dossiers/RG-3").body()).contains("\"unitCode\":\"RGB\"");
    }

    @Test
    void malformedReorganisationsAre400AndImpossibleOnes422NamingTheField() {
        put("/api/v1/units/RGX", "{\"name\":\"Tỉnh X\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RGY", "{\"name\":\"Tỉnh Y\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RGZ", "{\"name\":\"Tỉnh Z\",\"level\":\"PROVINCE\"}");

        Response malformed =
                post("/api/v1/reorganisations", null, "{\"effective\":\"2030-13-01\",\"merges\":[{\"into\":\"RGX\"}]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("\"field\":\"effective\"").contains("\"field\":\"merges[0].from\"");
        assertThat(post("/api/v1/reorganisations", null, "{\"effective\":\"2030-01-01\",\"merges\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(post(
                                "/api/v1/reorganisations",
                                null,
                                "{\"effective\":\"2030-01-01\",\"merges\":[{\"into\":\"RGX\",\"from\":[\"RGX\"]}]}")
                        .body())
                .contains("must name at least one unit other than into");

        Response split = post(
                "/api/v1/reorganisations",
                null,
                "{\"effective\":\"2030-01-01\",\"merges\":[{\"into\":\"RGX\",\"from\":[\"RGX\",\"RGZ\"]},"
                        + "{\"into\":\"RGY\",\"from\":[\"RGY\",\"RGZ\"]}]}");
        assertThat(split.status()).isEqualTo(422);
        assertThat(split.body()).contains("\"field\":\"merges[1].from\"").contains("a split");
        Response unknown = post(
                "/api/v1/reorganisations",
                null,
                "{\"effective\":\"2030-01-01\",\"merges\":[{\"into\":\"RGX\",\"from\":[\"RGX\",\"RG-NONE\"]}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown unit RG-NONE");
        // nothing of a refused reorganisation applied
        assertThat(get("/api/v1/units/RGZ").body()).contains("\"validTo\":null");
    }

    private Response receive(String dossierId, String unit, String at) {
        return post(
                "/api/v1/dossier-events",
                SOURCE,
                "{\"eventId\":\"" + dossierId + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossierId
                        + "\",\"occurredAt\":\"" + at + "\",\"unitCode\":\"" + unit
                        + "\",\"procedureCode\":\"2.000924\",\"channel\":\"DIRECT\"}");
    }

    private static String event(String dossierId, String type, String at) {
        return "{\"eventId\":\"" + dossierId + "-" + type + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + dossierId
                + "\",\"occurredAt\":\"" + at + "\"}";
    }

    /** The unit path of the dossier's fact caused by {@code cause}, as published. */
    private static String latestPath(String dossierId, String cause) {
        List<ConsumerRecord<String, String>> records = readUntil(Topics.DOSSIER_FACTS, r -> r.stream()
                .anyMatch(x -> x.key().equals(dossierId) && x.value().contains("\"" + cause + "\"")));
        String fact = records.stream()
                .filter(x -> x.key().equals(dossierId) && x.value().contains("\"" + cause + "\""))
                .reduce((first, second) -> second)
                .orElseThrow()
                .value();
        return fact.replaceAll(".*\"unitPath\":(\\[[^\\]]*\\]).*", "$1");
    }
}
