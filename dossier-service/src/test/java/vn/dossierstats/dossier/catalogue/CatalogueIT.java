package vn.dossierstats.dossier.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

class CatalogueIT extends IntegrationTest {

    @Test
    void theThirtyFourProvincesAreSeededAndPublished() {
        assertThat(get("/api/v1/units?level=PROVINCE").body()).contains("Tỉnh Hưng Yên", "Thành phố Hồ Chí Minh");
        var records = readUntil(
                Topics.UNITS,
                r -> r.stream()
                                .filter(x -> x.value().contains("PROVINCE"))
                                .map(x -> x.key())
                                .distinct()
                                .count()
                        >= 34);
        assertThat(records).anyMatch(r -> r.key().equals("79") && r.value().contains("Hồ Chí Minh"));
    }

    @Test
    void aUnitIsCreatedThenReplacedAndPublished() {
        assertThat(put("/api/v1/units/42.777", "{\"name\":\"Xã A\",\"level\":\"COMMUNE\",\"parentCode\":\"42\"}")
                        .status())
                .isEqualTo(201);
        assertThat(put("/api/v1/units/42.777", "{\"name\":\"Xã B\",\"level\":\"COMMUNE\",\"parentCode\":\"42\"}")
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/units/42.777").body()).contains("Xã B").contains("\"parentCode\":\"42\"");
        assertThat(get("/api/v1/units?parent=42").body()).contains("42.777");
        readUntil(Topics.UNITS, r -> r.stream().anyMatch(x -> x.value().contains("Xã B")));
    }

    @Test
    void invalidUnitsAreRejected() {
        assertThat(put("/api/v1/units/X1", "{\"name\":\"\",\"level\":\"TOWN\"}").body())
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"level\"");
        assertThat(put("/api/v1/units/X2", "{\"name\":\"x\",\"level\":\"COMMUNE\",\"parentCode\":\"nope\"}")
                        .status())
                .isEqualTo(422);
        assertThat(put("/api/v1/units/42", "{\"name\":\"loop\",\"level\":\"PROVINCE\",\"parentCode\":\"42.777\"}")
                        .status())
                .isIn(422);
        assertThat(get("/api/v1/units/does-not-exist").status()).isEqualTo(404);
    }

    @Test
    void aProcedureIsStoredWithItsProcessingTimeAndCutoff() {
        Response created = put(
                "/api/v1/procedures/2.000001",
                "{\"name\":\"Cấp giấy phép\",\"domain\":\"Xây dựng\",\"processingTime\":{\"value\":5,\"unit\":\"WORKING_DAYS\"},\"cutoff\":\"15:00\"}");
        assertThat(created.status()).isIn(200, 201);
        assertThat(get("/api/v1/procedures/2.000001").body())
                .contains("\"cutoff\":\"15:00\"")
                .contains("\"unit\":\"WORKING_DAYS\"");
        assertThat(put(
                                "/api/v1/procedures/2.000002",
                                "{\"name\":\"x\",\"domain\":\"y\",\"processingTime\":{\"value\":0}}")
                        .body())
                .contains("processingTime.value")
                .contains("processingTime.unit");
    }
}
