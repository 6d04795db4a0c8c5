package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitVersionsTest {

    private final UnitVersions versions = new UnitVersions();

    @Test
    void aChangeGivesTheUnitANewVersionAndNoOtherUnit() {
        long unit = versions.of("33");
        long other = versions.of("01");

        versions.changed("33");

        assertThat(versions.of("33")).isNotEqualTo(unit);
        assertThat(versions.of("01")).isEqualTo(other);
    }

    @Test
    void aVersionStandsWhileNothingChanges() {
        versions.changed("33");
        assertThat(versions.of("33")).isEqualTo(versions.of("33"));
    }

    @Test
    void aResetGivesEveryUnitANewVersionNeverHandedOutBefore() {
        versions.changed("33");
        long changed = versions.of("33");
        long untouched = versions.of("01");

        versions.reset();

        assertThat(versions.of("33")).isNotIn(changed, untouched);
        assertThat(versions.of("01")).isNotIn(changed, untouched);
        versions.changed("01");
        assertThat(versions.of("01")).isNotIn(changed, untouched, versions.of("33"));
    }
}
