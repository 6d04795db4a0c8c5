package vn.dossierstats.dossier.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

/** The national index's catalogue: how far a procedure is online, whether it charges a fee, what a unit handles. */
class IndexCatalogueIT extends IntegrationTest {

    private static final String TIME = "\"processingTime\":{\"value\":5,\"unit\":\"WORKING_DAYS\"}";

    @Test
    void aProcedureKeepsItsOnlineLevelAndFeeAndPublishesThem() {
        assertThat(put(
                                "/api/v1/procedures/IX.1",
                                "{\"name\":\"Cấp phép\",\"domain\":\"Xây dựng\"," + TIME
                                        + ",\"onlineLevel\":\"FULL\",\"feeCharging\":true}")
                        .status())
                .isIn(200, 201);
        assertThat(get("/api/v1/procedures/IX.1").body())
                .contains("\"onlineLevel\":\"FULL\"")
                .contains("\"feeCharging\":true");
        readUntil(Topics.PROCEDURES, r -> r.stream()
                .anyMatch(x -> x.key().equals("IX.1")
                        && x.value().contains("\"onlineLevel\":\"FULL\"")
                        && x.value().contains("\"feeCharging\":true")));
    }

    @Test
    void aProcedurePutWithoutThemIsNotOnlineAndChargesNoFee() {
        put("/api/v1/procedures/IX.2", "{\"name\":\"Khai sinh\",\"domain\":\"Hộ tịch\"," + TIME + "}");
        assertThat(get("/api/v1/procedures/IX.2").body())
                .contains("\"onlineLevel\":\"NONE\"")
                .contains("\"feeCharging\":false");
    }

    @Test
    void anUnknownOnlineLevelOrANonBooleanFeeIsABadRequestNamingTheField() {
        Response response = put(
                "/api/v1/procedures/IX.3",
                "{\"name\":\"x\",\"domain\":\"y\"," + TIME + ",\"onlineLevel\":\"LEVEL_4\",\"feeCharging\":\"yes\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body())
                .contains("\"field\":\"onlineLevel\"")
                .contains("NONE|PARTIAL|FULL")
                .contains("\"field\":\"feeCharging\"");
    }

    @Test
    void aUnitIsAssignedItsProceduresWhichAreReadBackOrderedAndPublished() {
        put("/api/v1/units/42.901", "{\"name\":\"Xã IX\",\"level\":\"COMMUNE\",\"parentCode\":\"42\"}");
        put("/api/v1/procedures/IX.B", "{\"name\":\"b\",\"domain\":\"d\"," + TIME + "}");
        put("/api/v1/procedures/IX.A", "{\"name\":\"a\",\"domain\":\"d\"," + TIME + "}");
        Response assigned = put("/api/v1/units/42.901/procedures", "{\"procedures\":[\"IX.B\",\"IX.A\",\"IX.B\"]}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body()).isEqualTo("{\"unitCode\":\"42.901\",\"procedures\":[\"IX.A\",\"IX.B\"]}");
        assertThat(get("/api/v1/units/42.901/procedures").body()).isEqualTo(assigned.body());
        readUntil(Topics.UNIT_PROCEDURES, r -> r.stream()
                .anyMatch(x -> x.key().equals("42.901") && x.value().contains("[\"IX.A\",\"IX.B\"]")));

        // replaced as a whole
        put("/api/v1/units/42.901/procedures", "{\"procedures\":[\"IX.A\"]}");
        assertThat(get("/api/v1/units/42.901/procedures").body()).contains("[\"IX.A\"]");
        put("/api/v1/units/42.901/procedures", "{\"procedures\":[]}");
        assertThat(get("/api/v1/units/42.901/procedures").body()).contains("\"procedures\":[]");
    }

    @Test
    void anAssignmentNamingAnUnknownProcedureIsUnprocessableAndChangesNothing() {
        put("/api/v1/units/42.902", "{\"name\":\"Xã IY\",\"level\":\"COMMUNE\",\"parentCode\":\"42\"}");
        put("/api/v1/procedures/IX.C", "{\"name\":\"c\",\"domain\":\"d\"," + TIME + "}");
        put("/api/v1/units/42.902/procedures", "{\"procedures\":[\"IX.C\"]}");
        Response response = put("/api/v1/units/42.902/procedures", "{\"procedures\":[\"IX.C\",\"IX.NOPE\"]}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("IX.NOPE");
        assertThat(get("/api/v1/units/42.902/procedures").body()).contains("[\"IX.C\"]");
    }

    @Test
    void badAssignmentsAreProblemsNamingTheField() {
        assertThat(put("/api/v1/units/42/procedures", "{}").body()).contains("\"field\":\"procedures\"");
        assertThat(put("/api/v1/units/42/procedures", "{\"procedures\":\"IX.A\"}")
                        .status())
                .isEqualTo(400);
        assertThat(put("/api/v1/units/42/procedures", "{\"procedures\":[\"ok\",7]}")
                        .body())
                .contains("\"field\":\"procedures[1]\"");
        assertThat(put("/api/v1/units/NOPE.1/procedures", "{\"procedures\":[]}").status())
                .isEqualTo(404);
        assertThat(get("/api/v1/units/NOPE.1/procedures").status()).isEqualTo(404);
    }
}
