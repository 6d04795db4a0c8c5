package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.index.ProcedureCounts;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.UnitStats;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;

/** Pins the topics' JSON: the writer's golden files must read, and ours must be written exactly. */
class ContractTest {

    /** DVCQG's published figures of Phú Thọ (domain.md), as the golden file has them. */
    static final ProcedureInputs PROCEDURES =
            new ProcedureInputs(IndexInputs.ProcedureScope.ASSIGNED, 56, 52, 1968, 406, 310, 93, 56);

    @Test
    void readsTheCatalogueOfTheNationalIndexOfDossierService() throws Exception {
        ProcedureRecord procedure = JsonSerde.JSON.readValue(
                Files.readString(Path.of("../dossier-service/src/test/resources/contracts/procedure-record.json")),
                ProcedureRecord.class);
        assertThat(procedure.traits()).isEqualTo(new ProcedureCounts.Traits(true, true));
        UnitProceduresRecord assigned = JsonSerde.JSON.readValue(
                Files.readString(
                        Path.of("../dossier-service/src/test/resources/contracts/unit-procedures-record.json")),
                UnitProceduresRecord.class);
        assertThat(assigned.procedures()).containsExactly("1.004221", "1.004227");
        assertThat(JsonSerde.JSON
                        .readValue("{\"code\":\"1.1\",\"name\":\"x\"}", ProcedureRecord.class)
                        .traits())
                .as("a procedure put before the index's fields")
                .isEqualTo(ProcedureCounts.Traits.NONE);
    }

    @Test
    void readsTheDossierFactOfDossierService() throws Exception {
        DossierFact fact = JsonSerde.JSON.readValue(
                Files.readString(Path.of("../dossier-service/src/test/resources/contracts/dossier-fact.json")),
                DossierFact.class);
        assertThat(fact.sequence()).isEqualTo(2);
        assertThat(fact.unitPath()).containsExactly("H26", "H26.30");
        assertThat(fact.classification()).isEqualTo("EARLY");
        assertThat(fact.endedAt()).isEqualTo(Instant.parse("2026-07-02T03:00:00Z"));
        assertThat(fact.hasElectronicResult()).isTrue();
        assertThat(fact.procedureCode()).isEqualTo("1.004227");
        assertThat(fact.ratings()).hasSize(2);
        // the latest rating before the end of 2 July (local) is SATISFIED; before the end of 3 July, DISSATISFIED
        assertThat(fact.dissatisfiedBefore(Instant.parse("2026-07-02T17:00:00Z")))
                .isFalse();
        assertThat(fact.dissatisfiedBefore(Instant.parse("2026-07-03T17:00:00Z")))
                .isTrue();
    }

    @Test
    void readsTheUnitRecordOfDossierService() throws Exception {
        UnitRecord unit = JsonSerde.JSON.readValue(
                Files.readString(Path.of("../dossier-service/src/test/resources/contracts/unit-record.json")),
                UnitRecord.class);
        assertThat(unit.parentCode()).isEqualTo("H26");
    }

    @Test
    void writesUnitStatsExactlyAsTheGoldenFile() throws Exception {
        UnitStats stats = new UnitStats(
                "H26",
                "2026-07",
                new PeriodCounts(10, 100, 60, 35, 5, 50, 30, 5, 20, 5, 95, 0, 0, 70, 2, 104).withProcedures(PROCEDURES),
                Instant.parse("2026-07-02T03:00:00.300Z"),
                Instant.parse("2026-07-02T03:00:00.125Z"));
        var golden = JsonSerde.JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/unit-stats.json")));
        assertThat(JsonSerde.JSON.readTree(JsonSerde.JSON.writeValueAsString(stats)))
                .isEqualTo(golden);
    }
}
