package vn.dossierstats.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.gateway.GatewayProperties.Source;

class AccessChecksTest {

    @Test
    void aKeyIsFoundByItsHashAndNothingElse() {
        String hash = HexFormat.of().formatHex(SourceKeys.sha256("secret-1"));
        SourceKeys keys = new SourceKeys(
                List.of(new Source("hy", hash, null, List.of("33")), new Source("dev", null, "dev-key", List.of("*"))));
        assertThat(keys.sourceOf("secret-1")).hasValue("hy");
        assertThat(keys.sourceOf("dev-key")).hasValue("dev");
        assertThat(keys.sourceOf("secret-2")).isEmpty();
        assertThat(keys.sourceOf("")).isEmpty();
        assertThat(keys.sourceOf(null)).isEmpty();
    }

    @Test
    void theAdminTokenMustBeABearerTokenThatMatches() {
        AdminToken token = new AdminToken("t0ken");
        assertThat(token.admits("Bearer t0ken")).isTrue();
        assertThat(token.admits("Bearer t0ke")).isFalse();
        assertThat(token.admits("t0ken")).isFalse();
        assertThat(token.admits(null)).isFalse();
        assertThat(new AdminToken("").admits("Bearer ")).isFalse();
    }
}
