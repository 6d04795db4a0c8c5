package vn.dossierstats.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.dossierstats.gateway.GatewayProperties.Source;

class ConfiguredCredentialsTest {

    private static final String HY_KEY_HASH = HexFormat.of().formatHex(Hashes.sha256("secret-1"));
    private final ConfiguredSources sources = new ConfiguredSources(List.of(
            new Source("hy", HY_KEY_HASH.toUpperCase(), null, List.of()),
            new Source("dev", null, "dev-key", List.of("*"))));

    @Test
    void aKeyIsFoundByItsHashOrInClear() {
        assertThat(sources.authenticate("secret-1")).hasValue(new SourceIdentity("hy", List.of("*")));
        assertThat(sources.authenticate("dev-key")).hasValue(new SourceIdentity("dev", List.of("*")));
    }

    @Test
    void missingEmptyAbsurdOrNearlyRightKeysAuthenticateNobody() {
        for (String key : new String[] {null, "", "secret-2", "secret-1 ", "Secret-1", "x".repeat(10_000)}) {
            assertThat(sources.authenticate(key)).as("%s", key).isEmpty();
        }
    }

    @Property(tries = 300)
    void noOtherKeyAuthenticates(@ForAll String key) {
        if (!key.equals("secret-1") && !key.equals("dev-key")) {
            assertThat(sources.authenticate(key)).isEmpty();
        }
    }

    @Test
    void misconfiguredSourcesStopTheGatewayFromStarting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("a", null, null, List.of("*")))))
                .withMessageContaining("exactly one of key-hash or key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("a", HY_KEY_HASH, "k", List.of("*")))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("a", "abc", null, List.of("*")))))
                .withMessageContaining("64 hex digits");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source(" ", null, "k", List.of("*")))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(
                        List.of(new Source("a", null, "k1", List.of()), new Source("a", null, "k2", List.of()))))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(
                        List.of(new Source("a", null, "k", List.of()), new Source("b", null, "k", List.of()))))
                .withMessageContaining("reuses");
    }

    @Test
    void aConfiguredSourceHasTheScopeOfAllUnitsAndNoIdOfAManagedOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("a", null, "k", List.of("H26")))))
                .withMessageContaining("POST /api/v1/sources");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("a", null, "k", List.of("*", "H26")))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfiguredSources(List.of(new Source("src-1", null, "k", List.of("*")))))
                .withMessageContaining("reserved");
    }
}
