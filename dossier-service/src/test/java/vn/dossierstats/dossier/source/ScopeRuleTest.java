package vn.dossierstats.dossier.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRuleTest {

    private static final List<String> COMMUNE = List.of("33", "33.001");

    @Test
    void theStarCoversEveryUnitEvenAnUnknownOne() {
        assertThat(ScopeRule.covers(List.of("*"), COMMUNE)).isTrue();
        assertThat(ScopeRule.covers(List.of("*"), List.of())).isTrue();
    }

    @Test
    void aScopeCoversTheUnitItself() {
        assertThat(ScopeRule.covers(List.of("33.001"), COMMUNE)).isTrue();
    }

    @Test
    void aScopeOnAParentCoversItsDescendants() {
        assertThat(ScopeRule.covers(List.of("26", "33"), COMMUNE)).isTrue();
    }

    @Test
    void aScopeOnAChildOrASiblingDoesNotCoverTheParentOrTheSibling() {
        assertThat(ScopeRule.covers(List.of("33.001"), List.of("33"))).isFalse();
        assertThat(ScopeRule.covers(List.of("33.002"), COMMUNE)).isFalse();
        assertThat(ScopeRule.covers(List.of("3"), COMMUNE)).isFalse();
    }

    @Test
    void anUnknownUnitIsCoveredOnlyByTheStar() {
        assertThat(ScopeRule.covers(List.of("33"), List.of())).isFalse();
    }
}
