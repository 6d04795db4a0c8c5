package vn.dossierstats.ranking.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.catalogue.UnitRecord;
import vn.dossierstats.ranking.leaderboard.Unit;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.UnitStats;
import vn.dossierstats.unitstats.index.IndexInputs;

/** Pins the writers' golden files (docs/events.md): a change of shape on their side breaks this build too. */
class ContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheGoldenUnitStatsOfMetricsService() throws Exception {
        UnitStats stats = JSON.readValue(
                Files.readString(Path.of("../metrics-service/src/test/resources/contracts/unit-stats.json")),
                UnitStats.class);
        assertThat(stats.unitCode()).isEqualTo("H26");
        assertThat(stats.parsedPeriod()).contains(Period.parse("2026-07").orElseThrow());
        assertThat(stats.counts())
                .isEqualTo(new PeriodCounts(10, 100, 60, 35, 5, 50, 30, 5, 20, 5, 95, 0, 0, 70, 2, 104)
                        .withProcedures(new IndexInputs.ProcedureInputs(
                                IndexInputs.ProcedureScope.ASSIGNED, 56, 52, 1968, 406, 310, 93, 56)));
        assertThat(stats.updatedAt()).hasToString("2026-07-02T03:00:00.300Z");
    }

    @Test
    void aUnitStatsRecordWrittenBeforeTheIndexCountsReadsThemAsZero() throws Exception {
        String older = Files.readString(Path.of("../metrics-service/src/test/resources/contracts/unit-stats.json"))
                .replaceAll(
                        ",\\s*\"electronicResult\": 70, \"dissatisfied\": 2, \"digitizedToProcess\": 104,"
                                + "\\s*\"procedures\": \\{[^}]*}",
                        "");
        assertThat(older).doesNotContain("electronicResult");
        UnitStats stats = JSON.readValue(older, UnitStats.class);
        assertThat(stats.counts()).isEqualTo(new PeriodCounts(10, 100, 60, 35, 5, 50, 30, 5, 20, 5, 95, 0, 0));
    }

    @Test
    void readsTheGoldenUnitRecordOfDossierService() throws Exception {
        UnitRecord unit = JSON.readValue(
                Files.readString(Path.of("../dossier-service/src/test/resources/contracts/unit-record.json")),
                UnitRecord.class);
        assertThat(unit.toUnit()).contains(new Unit("H26.30", "Xã Phù Cừ", "COMMUNE", "H26"));
    }

    @Test
    void aRootUnitHasNoParentAndAUnitWithoutLevelIsRefused() {
        assertThat(JSON.readValue(
                                "{\"code\":\"H26\",\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\",\"parentCode\":null}",
                                UnitRecord.class)
                        .toUnit())
                .contains(new Unit("H26", "Tỉnh Hưng Yên", "PROVINCE", null));
        assertThat(JSON.readValue("{\"code\":\"H26\",\"name\":\"x\"}", UnitRecord.class)
                        .toUnit())
                .isEmpty();
    }

    @Test
    void aStatsKeyNamesTheUnitAndThePeriod() {
        assertThat(UnitStats.splitKey("H26|2026-07"))
                .hasValueSatisfying(parts -> assertThat(parts).containsExactly("H26", "2026-07"));
        assertThat(UnitStats.splitKey("nobar")).isEmpty();
    }
}
