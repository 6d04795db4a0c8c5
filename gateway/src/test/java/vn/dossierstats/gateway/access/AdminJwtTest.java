package vn.dossierstats.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AdminJwtTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private static final long NOW = 1_800_000_000L;
    /**
     * The tokens here expire around NOW, 15 January 2027: judged on the machine's clock, after that day each would be
     * refused as expired, whatever else the test meant to refuse it for.
     */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private final AdminJwt jwt =
            new AdminJwt(SECRET, "admin", CLOCK, JsonMapper.builder().build());

    @Test
    void aSignedUnexpiredTokenWithTheAdminRoleIsAdmitted() {
        assertThat(jwt.admits(TestJwts.hs256(SECRET, TestJwts.adminClaims(NOW + 60))))
                .isTrue();
        assertThat(jwt.admits(TestJwts.hs256(
                        SECRET, "{\"roles\":[\"reader\",\"admin\"],\"exp\":" + (NOW + 1) + ",\"nbf\":" + NOW + "}")))
                .isTrue();
    }

    @Test
    void anExpiredOrNotYetValidTokenIsRefused() {
        assertThat(jwt.admits(TestJwts.hs256(SECRET, TestJwts.adminClaims(NOW))))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(SECRET, TestJwts.adminClaims(NOW - 3600))))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(
                        SECRET, "{\"roles\":[\"admin\"],\"exp\":" + (NOW + 60) + ",\"nbf\":" + (NOW + 30) + "}")))
                .isFalse();
    }

    @Test
    void aTokenWithoutExpiryOrWithoutTheRoleIsRefused() {
        assertThat(jwt.admits(TestJwts.hs256(SECRET, "{\"roles\":[\"admin\"]}")))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(SECRET, "{\"roles\":[\"admin\"],\"exp\":\"" + (NOW + 60) + "\"}")))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(SECRET, "{\"exp\":" + (NOW + 60) + "}")))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(SECRET, "{\"roles\":\"admin\",\"exp\":" + (NOW + 60) + "}")))
                .isFalse();
        assertThat(jwt.admits(TestJwts.hs256(SECRET, "{\"roles\":[\"reader\"],\"exp\":" + (NOW + 60) + "}")))
                .isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyOrTamperedWithIsRefused() {
        assertThat(jwt.admits(TestJwts.hs256(SECRET + "x", TestJwts.adminClaims(NOW + 60))))
                .isFalse();
        String token = TestJwts.hs256(SECRET, "{\"roles\":[\"reader\"],\"exp\":" + (NOW + 60) + "}");
        String forged = token.substring(0, token.indexOf('.') + 1)
                + TestJwts.base64(TestJwts.adminClaims(NOW + 60))
                + token.substring(token.lastIndexOf('.'));
        assertThat(jwt.admits(forged)).isFalse();
    }

    @Test
    void onlyHs256IsAcceptedNeverNoneOrAnotherAlgorithm() {
        String claims = TestJwts.adminClaims(NOW + 60);
        String none = TestJwts.base64("{\"alg\":\"none\"}") + "." + TestJwts.base64(claims) + ".";
        assertThat(jwt.admits(none)).isFalse();
        assertThat(jwt.admits(TestJwts.signed(SECRET, "{\"alg\":\"none\"}", claims)))
                .isFalse();
        assertThat(jwt.admits(TestJwts.signed(SECRET, "{\"alg\":\"HS512\"}", claims)))
                .isFalse();
        assertThat(jwt.admits(TestJwts.signed(SECRET, "{}", claims))).isFalse();
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token :
                new String[] {null, "", "a", "a.b", "a.b.c", "..", "a..c", "a.b.c.d", "%%%.%%%.%%%", "x".repeat(5000)
                }) {
            assertThat(jwt.admits(token)).as("%s", token).isFalse();
        }
    }

    @Property(tries = 300)
    void noArbitraryStringIsAdmitted(@ForAll String token) {
        assertThat(jwt.admits(token)).isFalse();
    }

    @Test
    void withoutASecretNobodyIsAdmittedAndAShortSecretStopsTheGateway() {
        AdminJwt closed = new AdminJwt("", "admin", CLOCK, JsonMapper.builder().build());
        assertThat(closed.admits(TestJwts.hs256(SECRET, TestJwts.adminClaims(NOW + 60))))
                .isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AdminJwt(
                        "too-short", "admin", CLOCK, JsonMapper.builder().build()))
                .withMessageContaining("32 bytes");
    }
}
