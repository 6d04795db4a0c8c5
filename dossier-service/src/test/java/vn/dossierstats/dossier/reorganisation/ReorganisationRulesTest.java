package vn.dossierstats.dossier.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.catalogue.Unit;
import vn.dossierstats.dossier.catalogue.Unit.Level;

class ReorganisationRulesTest {

    private static final LocalDate JULY = LocalDate.of(2025, 7, 1);

    private final Map<String, Unit> units = new LinkedHashMap<>();

    ReorganisationRulesTest() {
        add(new Unit("33", "Hưng Yên", Level.PROVINCE, null));
        add(new Unit("34", "Thái Bình", Level.PROVINCE, null));
        add(new Unit("35", "Hà Nam", Level.PROVINCE, null));
        add(new Unit("34.1", "Xã A", Level.COMMUNE, "34"));
        add(new Unit("34.2", "Xã B", Level.COMMUNE, "34"));
        add(new Unit("33.1", "Xã C", Level.COMMUNE, "33"));
        add(new Unit("99", "Tỉnh mới", Level.PROVINCE, null));
        add(new Unit("36", "Nam Định", Level.PROVINCE, null, null, LocalDate.of(2024, 12, 31), "35"));
    }

    private void add(Unit unit) {
        units.put(unit.code(), unit);
    }

    private static Reorganisation merge(String into, String... from) {
        return new Reorganisation(JULY, List.of(new Reorganisation.Merge(into, List.of(from))));
    }

    private List<String> problems(Reorganisation reorganisation) {
        return ReorganisationRules.problems(reorganisation, units).stream()
                .map(p -> p.field() + ": " + p.reason())
                .toList();
    }

    @Test
    void aMergeIntoAContinuingUnitEndsTheOthersTheDayBeforeAndMovesTheirChildren() {
        Reorganisation reorganisation = merge("33", "33", "34");
        assertThat(problems(reorganisation)).isEmpty();

        ReorganisationPlan plan = ReorganisationRules.plan(reorganisation, units);

        assertThat(plan.ended()).containsExactly(new ReorganisationPlan.Ended("34", "33"));
        assertThat(plan.started()).isEmpty();
        assertThat(plan.moved())
                .containsExactly(
                        new ReorganisationPlan.Moved("34.1", "34", "33"),
                        new ReorganisationPlan.Moved("34.2", "34", "33"));
    }

    @Test
    void aMergeIntoAUnitNotAmongTheMergedStartsThatUnitOnTheDate() {
        ReorganisationPlan plan = ReorganisationRules.plan(merge("99", "33", "34"), units);

        assertThat(plan.started()).containsExactly("99");
        assertThat(plan.ended()).extracting(ReorganisationPlan.Ended::code).containsExactly("33", "34");
        assertThat(plan.moved()).extracting(ReorganisationPlan.Moved::to).containsOnly("99");
    }

    @Test
    void unknownUnitsAreNamedWithTheirField() {
        assertThat(problems(merge("77", "77", "34", "nope")))
                .containsExactly(
                        "merges[0].into: unknown unit 77 (create it first with PUT /api/v1/units/77)",
                        "merges[0].from: unknown unit nope");
    }

    @Test
    void aUnitInTwoMergesIsASplitAndRefused() {
        Reorganisation split = new Reorganisation(
                JULY,
                List.of(
                        new Reorganisation.Merge("33", List.of("33", "34")),
                        new Reorganisation.Merge("35", List.of("35", "34"))));

        assertThat(problems(split))
                .singleElement()
                .asString()
                .contains("merges[1].from: 34")
                .contains("a split");
    }

    @Test
    void aUnitThatEndedAlreadyCannotBeMergedAgainNorReceiveAMerger() {
        assertThat(problems(merge("33", "33", "36")))
                .containsExactly("merges[0].from: 36 was merged already: it ended on 2024-12-31 into 35");
        assertThat(problems(merge("36", "36", "34")))
                .containsExactly("merges[0].into: 36 ended on 2024-12-31 (merged into 35)");
    }

    @Test
    void aUnitListedTwiceIsRefused() {
        assertThat(problems(merge("33", "33", "34", "34")))
                .containsExactly("merges[0].from: 34 is listed twice (a unit is merged once)");
    }

    @Test
    void aSuccessorThatEndsInTheSameReorganisationIsACycle() {
        Reorganisation cycle = new Reorganisation(
                JULY,
                List.of(new Reorganisation.Merge("33", List.of("34")), new Reorganisation.Merge("34", List.of("33"))));

        assertThat(problems(cycle)).anyMatch(p -> p.startsWith("merges[0].into: 33 itself ends in merges[1]"));
        assertThat(problems(cycle)).anyMatch(p -> p.startsWith("merges[1].into: 34 itself ends in merges[0]"));
    }

    @Test
    void aUnitMergedIntoItsOwnDescendantIsACycle() {
        assertThat(problems(merge("34.1", "34.1", "34")))
                .contains("merges[0].into: 34.1 lies under 34, which merges into it: a cycle");
    }

    @Test
    void twoMergesIntoOneUnitAreRefused() {
        Reorganisation twice = new Reorganisation(
                JULY,
                List.of(new Reorganisation.Merge("33", List.of("34")), new Reorganisation.Merge("33", List.of("35"))));

        assertThat(problems(twice))
                .containsExactly("merges[1].into: 33 is also the into of merges[0]; list its units in one merge");
    }

    @Test
    void aUnitMergesWithinItsParentOrWithAParentThatMergesToo() {
        add(new Unit("35.1", "Xã D", Level.COMMUNE, "35"));

        assertThat(problems(merge("33.1", "33.1", "35.1")))
                .containsExactly(
                        "merges[0].from: 35.1 lies under 35, 33.1 under 33: a unit merges within its parent, or its parent merges too");
        Reorganisation withParents = new Reorganisation(
                JULY,
                List.of(
                        new Reorganisation.Merge("33", List.of("33", "35")),
                        new Reorganisation.Merge("33.1", List.of("33.1", "35.1"))));
        assertThat(problems(withParents)).isEmpty();
    }
}
