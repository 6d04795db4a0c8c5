package vn.dossierstats.dossier.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

/** Ingestion reads the catalogue from memory, yet sees every change made through this instance at once. */
class CatalogueCacheIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String source = "src-" + run;

    @Test
    void aUnitUnknownToAnEventIsUsableAsSoonAsItIsCreated() {
        String unit = "N" + run;
        String procedure = "P" + run;
        putProcedure(procedure, "Hộ tịch");

        assertThat(receive("u1", "D-" + run, unit, procedure).status()).isEqualTo(422);
        put("/api/v1/units/" + unit, "{\"name\":\"Tỉnh mới\",\"level\":\"PROVINCE\"}");

        assertThat(receive("u1", "D-" + run, unit, procedure).status()).isEqualTo(202);
    }

    @Test
    void aChangedProcedureAndAMovedUnitApplyToTheNextEventAtOnce() {
        String first = "F" + run;
        String second = "S" + run;
        String commune = first + ".001";
        String procedure = "P" + run;
        put("/api/v1/units/" + first, "{\"name\":\"Tỉnh A\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/" + second, "{\"name\":\"Tỉnh B\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/" + commune, unitUnder(first));
        putProcedure(procedure, "Hộ tịch");
        assertThat(receive("c1", "D1-" + run, commune, procedure).status()).isEqualTo(202);

        putProcedure(procedure, "Đất đai");
        put("/api/v1/units/" + commune, unitUnder(second));
        assertThat(receive("c2", "D2-" + run, commune, procedure).status()).isEqualTo(202);

        JsonNode before = fact("D1-" + run);
        JsonNode after = fact("D2-" + run);
        assertThat(before.get("domain").asString()).isEqualTo("Hộ tịch");
        assertThat(before.get("unitPath").toString()).isEqualTo("[\"" + first + "\",\"" + commune + "\"]");
        assertThat(after.get("domain").asString()).isEqualTo("Đất đai");
        assertThat(after.get("unitPath").toString()).isEqualTo("[\"" + second + "\",\"" + commune + "\"]");
    }

    private JsonNode fact(String dossier) {
        return json.readTree(
                readUntil(Topics.DOSSIER_FACTS, all -> all.stream()
                                .anyMatch(r -> r.key().equals(dossier)))
                        .stream()
                        .filter(r -> r.key().equals(dossier))
                        .findFirst()
                        .orElseThrow()
                        .value());
    }

    private void putProcedure(String code, String domain) {
        assertThat(put(
                                "/api/v1/procedures/" + code,
                                "{\"name\":\"Thủ tục\",\"domain\":\"" + domain
                                        + "\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}")
                        .status())
                .isBetween(200, 201);
    }

    private static String unitUnder(String parent) {
        return "{\"name\":\"Xã C\",\"level\":\"COMMUNE\",\"parentCode\":\"" + parent + "\"}";
    }

    private Response receive(String eventId, String dossier, String unit, String procedure) {
        return post(
                "/api/v1/dossier-events",
                source,
                "{\"eventId\":\"" + eventId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                        + "\",\"occurredAt\":\"2026-07-06T08:00:00+07:00\",\"unitCode\":\"" + unit
                        + "\",\"procedureCode\":\"" + procedure + "\",\"channel\":\"ONLINE\"}");
    }
}
