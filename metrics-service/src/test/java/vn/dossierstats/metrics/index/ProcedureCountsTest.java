package vn.dossierstats.metrics.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.index.ProcedureCounts.Traits;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureScope;
import vn.dossierstats.unitstats.index.NationalIndex;

class ProcedureCountsTest {

    private static final Map<String, Traits> CATALOGUE = Map.of(
            "land", new Traits(true, true),
            "birth", new Traits(true, false),
            "copy", new Traits(false, true),
            "aid", new Traits(false, false));

    private static ProcedureInputs counts(
            List<String> members, Map<String, Map<String, ProcedureUsage>> usage, Map<String, List<String>> assigned) {
        return ProcedureCounts.of(
                members,
                usage,
                unit -> assigned.getOrDefault(unit, List.of()),
                code -> CATALOGUE.getOrDefault(code, Traits.NONE));
    }

    @Test
    void aParentCountsDistinctProceduresButUnitProcedurePairsOfOnlineServices() {
        // two communes handle the same two online procedures; only the first used one of them online
        Map<String, List<String>> assigned =
                Map.of("C1", List.of("land", "birth", "copy"), "C2", List.of("land", "birth"));
        Map<String, Map<String, ProcedureUsage>> usage = Map.of(
                "C1", Map.of("land", new ProcedureUsage(3, 1, 1)),
                "C2", Map.of("copy", new ProcedureUsage(1, 0, 0)));

        ProcedureInputs province = counts(List.of("P", "C1", "C2"), usage, assigned);

        assertThat(province).isEqualTo(new ProcedureInputs(ProcedureScope.ASSIGNED, 3, 2, 4, 1, 2, 1, 2));
        // online services used: 4 × 1/4 = 1 point, not the mean of the communes' 4 × 1/2 and 4 × 0
        assertThat(NationalIndex.of(inputs(province))
                        .groups()
                        .onlineServices()
                        .indicators()
                        .get(1)
                        .score())
                .isEqualTo(1.0);
    }

    @Test
    void aUnitWithoutAssignedProceduresHasInScopeThoseItReceivedADossierOf() {
        Map<String, Map<String, ProcedureUsage>> usage = Map.of(
                "C1", Map.of("birth", new ProcedureUsage(2, 2, 0), "aid", new ProcedureUsage(1, 0, 0)),
                "C2", Map.of("land", new ProcedureUsage(1, 0, 1)));

        assertThat(counts(List.of("P", "C1", "C2"), usage, Map.of()))
                .isEqualTo(new ProcedureInputs(ProcedureScope.RECEIVED, 3, 2, 2, 1, 1, 1, 1));
    }

    @Test
    void aDossierOfAProcedureNotAssignedToItsUnitDoesNotWidenTheScope() {
        Map<String, Map<String, ProcedureUsage>> usage = Map.of("C1", Map.of("birth", new ProcedureUsage(5, 5, 0)));

        assertThat(counts(List.of("C1"), usage, Map.of("C1", List.of("land"))))
                .isEqualTo(new ProcedureInputs(ProcedureScope.ASSIGNED, 1, 1, 1, 0, 1, 0, 0));
    }

    @Test
    void aProcedureTheCatalogueDoesNotKnowIsInScopeButNeitherOnlineNorCharging() {
        Map<String, Map<String, ProcedureUsage>> usage = Map.of("C1", Map.of("9.999", new ProcedureUsage(1, 1, 1)));

        assertThat(counts(List.of("C1"), usage, Map.of()))
                .isEqualTo(new ProcedureInputs(ProcedureScope.RECEIVED, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aUnitWithNothingAssignedNorReceivedHasEmptyDenominators() {
        ProcedureInputs none = counts(List.of("C1"), Map.of(), Map.of());

        assertThat(none).isEqualTo(ProcedureInputs.NONE);
        var online = NationalIndex.of(inputs(none)).groups().onlineServices();
        assertThat(online.indicators().get(0).score()).isNull();
        assertThat(online.indicators().get(0).missing()).isNull();
    }

    @Test
    void aUnitWithUsageThatIsNoLongerOnTheMapStillCounts() {
        Map<String, Map<String, ProcedureUsage>> usage = Map.of("OLD", Map.of("birth", new ProcedureUsage(1, 1, 0)));

        assertThat(counts(List.of("P"), usage, Map.of()).onlinePairsUsed()).isEqualTo(1);
    }

    private static IndexInputs inputs(ProcedureInputs procedures) {
        return new IndexInputs(10, 10, 0L, 10, 10, 0, 0, 0L, 0L, procedures);
    }
}
