package vn.dossierstats.dossier.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.calendar.ProcessingTime;
import vn.dossierstats.dossier.catalogue.Procedure;
import vn.dossierstats.dossier.catalogue.UnitProcedures;
import vn.dossierstats.dossier.lifecycle.Classification;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.lifecycle.DossierStatus;

/** The writer's side of the golden files its readers test against: what is published is exactly them. */
class FactContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheDossierFactExactlyAsTheGoldenFile() throws Exception {
        DossierFact fact = new DossierFact(
                "H26.30-260701-0001",
                2,
                new DossierFact.Cause("RESOLVED", "src-000124", Instant.parse("2026-07-02T03:00:00Z")),
                Instant.parse("2026-07-02T03:00:00.125Z"),
                "H26.30",
                List.of("H26", "H26.30"),
                "1.004227",
                "Đất đai",
                DossierEvent.Channel.ONLINE,
                DossierStatus.RESOLVED,
                Instant.parse("2026-07-01T01:30:00Z"),
                Instant.parse("2026-07-06T10:00:00Z"),
                null,
                Instant.parse("2026-07-02T03:00:00Z"),
                Classification.EARLY,
                true,
                false,
                null,
                DossierEvent.Rating.DISSATISFIED,
                true,
                List.of(
                        new DossierState.Rated(Instant.parse("2026-07-02T04:00:00Z"), DossierEvent.Rating.SATISFIED),
                        new DossierState.Rated(
                                Instant.parse("2026-07-03T02:00:00Z"), DossierEvent.Rating.DISSATISFIED)));
        assertThat(JSON.readTree(JSON.writeValueAsString(fact))).isEqualTo(golden("dossier-fact.json"));
    }

    @Test
    void writesTheProcedureRecordExactlyAsTheGoldenFile() throws Exception {
        Procedure procedure = new Procedure(
                "1.004227",
                "Đăng ký đất đai lần đầu",
                "Đất đai",
                new ProcessingTime(3, ProcessingTime.Unit.WORKING_DAYS),
                LocalTime.of(15, 0),
                Procedure.OnlineLevel.PARTIAL,
                true);
        assertThat(JSON.readTree(JSON.writeValueAsString(procedure))).isEqualTo(golden("procedure-record.json"));
    }

    @Test
    void writesTheUnitProceduresRecordExactlyAsTheGoldenFile() throws Exception {
        UnitProcedures assignment = new UnitProcedures("H26.30", List.of("1.004221", "1.004227"));
        assertThat(JSON.readTree(JSON.writeValueAsString(assignment))).isEqualTo(golden("unit-procedures-record.json"));
    }

    @Test
    void aFactStoredBeforeTheIndexFieldsStillReads() throws Exception {
        String old = Files.readString(Path.of("src/test/resources/contracts/dossier-fact.json"))
                .replaceAll(",\\s*\"electronicResult\": true,\\s*\"ratings\": \\[.*\\]", "");
        DossierFact fact = JSON.readValue(old, DossierFact.class);
        assertThat(fact.electronicResult()).isNull();
        assertThat(fact.ratings()).isNull();
    }

    private static tools.jackson.databind.JsonNode golden(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/" + name)));
    }
}
