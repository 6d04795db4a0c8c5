package vn.dossierstats.unitstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoriesTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /** 34 merged into 33 on 2025-07-01; 34.1 moved to 33; communes 34.2 and 33.2 merged into a new commune 33.9. */
    private final Territories territories = new Territories(List.of(
            unit("33", null, null, null, null),
            unit("34", null, null, JUNE_30, "33"),
            unit("35", null, null, null, null),
            new UnitSpan("34.1", "33", null, null, null, List.of(new UnitSpan.FormerParent(JULY_1, "34"))),
            unit("34.2", "34", null, JUNE_30, "33.9"),
            unit("33.2", "33", null, JUNE_30, "33.9"),
            unit("33.9", "33", JULY_1, null, null),
            unit("33.1", "33", null, null, null)));

    private static UnitSpan unit(String code, String parent, LocalDate from, LocalDate to, String successor) {
        return new UnitSpan(code, parent, from, to, successor, List.of());
    }

    @Test
    void beforeTheMergerEachUnitAnswersForItself() {
        assertThat(territories.of("33", JUNE_30)).isEqualTo(new Territories.Members(List.of("33")));
        assertThat(territories.of("34", JUNE_30)).isEqualTo(new Territories.Members(List.of("34")));
        assertThat(territories.childrenOn("34", JUNE_30)).containsExactly("34.1", "34.2");
        assertThat(territories.childrenOn("33", JUNE_30)).containsExactly("33.1", "33.2");
    }

    @Test
    void fromTheMergerTheSuccessorAnswersForItsPredecessorsEachDossierOnce() {
        // 34.2 is counted in 34's figures already: not added again
        assertThat(territories.of("33", JULY_1)).isEqualTo(new Territories.Members(List.of("33", "34")));
        assertThat(territories.of("33", TODAY)).isEqualTo(new Territories.Members(List.of("33", "34")));
        assertThat(territories.childrenOn("33", JULY_1)).containsExactly("33.1", "33.9", "34.1");
    }

    @Test
    void aSubtreeIsTheUnitAndEveryUnitBelowItOnTheDate() {
        assertThat(territories.subtreeOn("34", JUNE_30)).containsExactlyInAnyOrder("34", "34.1", "34.2");
        assertThat(territories.subtreeOn("33", JUNE_30)).containsExactlyInAnyOrder("33", "33.1", "33.2");
        assertThat(territories.subtreeOn("33", TODAY)).containsExactlyInAnyOrder("33", "33.1", "33.9", "34.1");
        assertThat(territories.subtreeOn("33", TODAY).getFirst()).isEqualTo("33");
        assertThat(territories.subtreeOn("33.1", TODAY)).containsExactly("33.1");
    }

    @Test
    void aMergedCommuneCountsInItsNewCommuneFromEitherFormerParent() {
        assertThat(territories.of("33.9", JULY_1)).isEqualTo(new Territories.Members(List.of("33.9", "33.2", "34.2")));
    }

    @Test
    void anEndedUnitNamesItsSuccessorAndANewOneItsStart() {
        assertThat(territories.of("34", JULY_1)).isEqualTo(new Territories.Ended("34", JUNE_30, "33"));
        assertThat(territories.of("34.2", TODAY)).isEqualTo(new Territories.Ended("34.2", JUNE_30, "33.9"));
        assertThat(territories.of("33.9", JUNE_30)).isEqualTo(new Territories.NotYet("33.9", JULY_1));
        assertThat(territories.of("nope", TODAY)).isEqualTo(new Territories.Unknown("nope"));
    }

    @Test
    void aMovedChildCountsUnderItsFormerParentBeforeTheMoveOnly() {
        assertThat(territories.of("34.1", JUNE_30)).isEqualTo(new Territories.Members(List.of("34.1")));
        assertThat(territories.of("35", TODAY)).isEqualTo(new Territories.Members(List.of("35")));
    }

    @Test
    void everyDateBetweenTwoChangesOfTheMapHasTheSameMap() {
        assertThat(territories.epoch(LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.MIN);
        assertThat(territories.epoch(JUNE_30)).isEqualTo(LocalDate.MIN);
        assertThat(territories.epoch(JULY_1)).isEqualTo(JULY_1);
        assertThat(territories.epoch(TODAY)).isEqualTo(JULY_1);
        assertThat(new Territories(List.of(unit("01", null, null, null, null))).reorganised())
                .isFalse();
    }
}
