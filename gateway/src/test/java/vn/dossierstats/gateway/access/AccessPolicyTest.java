package vn.dossierstats.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final SourceIdentity SOURCE = new SourceIdentity("hy", List.of("H26"));
    private final AccessPolicy policy =
            new AccessPolicy(key -> "good-key".equals(key) ? Optional.of(SOURCE) : Optional.empty(), "t0ken"::equals);

    @Test
    void publicReadsNeedNoCredentialsAndRefuseOtherMethods() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(policy.decide(Access.PUBLIC_READ, method, null, null))
                    .isEqualTo(new AccessDecision.Forward(null));
        }
        assertThat(policy.decide(Access.PUBLIC_READ, "POST", "good-key", "Bearer t0ken"))
                .isEqualTo(new AccessDecision.MethodNotAllowed(List.of("GET", "HEAD")));
    }

    @Test
    void anEventWriteForwardsTheSourceOfAValidKey() {
        assertThat(policy.decide(Access.SOURCE_WRITE, "POST", "good-key", null))
                .isEqualTo(new AccessDecision.Forward(SOURCE));
    }

    @Test
    void anEventWriteWithoutAValidKeyNeedsOneWhateverElseItCarries() {
        for (String key : new String[] {null, "", "bad-key"}) {
            assertThat(policy.decide(Access.SOURCE_WRITE, "POST", key, "Bearer t0ken"))
                    .isInstanceOf(AccessDecision.NeedsSourceKey.class);
        }
    }

    @Test
    void aManagedLookingKeyThatCannotBeCheckedNowIsAskedToRetryNotRefused() {
        SourceDirectory stale = new SourceDirectory() {
            @Override
            public Optional<SourceIdentity> authenticate(String key) {
                return "good-key".equals(key) ? Optional.of(SOURCE) : Optional.empty();
            }

            @Override
            public boolean current() {
                return false;
            }
        };
        AccessPolicy whileTheFeedIsDown = new AccessPolicy(stale, "t0ken"::equals);

        assertThat(whileTheFeedIsDown.decide(Access.SOURCE_WRITE, "POST", "k1.secret", null))
                .isInstanceOf(AccessDecision.SourceKeysUnavailable.class);
        // a configured key still works, and what cannot be a managed key is still refused at once
        assertThat(whileTheFeedIsDown.decide(Access.SOURCE_WRITE, "POST", "good-key", null))
                .isEqualTo(new AccessDecision.Forward(SOURCE));
        for (String key : new String[] {null, "", "bad-key", ".secret"}) {
            assertThat(whileTheFeedIsDown.decide(Access.SOURCE_WRITE, "POST", key, null))
                    .isInstanceOf(AccessDecision.NeedsSourceKey.class);
        }
        assertThat(policy.decide(Access.SOURCE_WRITE, "POST", "k1.secret", null))
                .isInstanceOf(AccessDecision.NeedsSourceKey.class);
    }

    @Test
    void theEventRoutesTakeOnlyPost() {
        assertThat(policy.decide(Access.SOURCE_WRITE, "GET", "good-key", null))
                .isEqualTo(new AccessDecision.MethodNotAllowed(List.of("POST")));
        assertThat(policy.decide(Access.SOURCE_WRITE, "PUT", "good-key", null))
                .isEqualTo(new AccessDecision.MethodNotAllowed(List.of("POST")));
    }

    @Test
    void catalogueReadsArePublicAndWritesNeedTheBearerToken() {
        assertThat(policy.decide(Access.ADMIN_WRITE, "GET", null, null)).isEqualTo(new AccessDecision.Forward(null));
        for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
            assertThat(policy.decide(Access.ADMIN_WRITE, method, null, "Bearer t0ken"))
                    .isEqualTo(new AccessDecision.Forward(null));
            assertThat(policy.decide(Access.ADMIN_WRITE, method, "good-key", null))
                    .isInstanceOf(AccessDecision.NeedsAdminToken.class);
        }
    }

    @Test
    void onlyABearerAuthorizationWithTheRightTokenIsAnAdministrator() {
        assertThat(policy.decide(Access.ADMIN, "GET", null, "Bearer t0ken"))
                .isEqualTo(new AccessDecision.Forward(null));
        assertThat(policy.decide(Access.ADMIN, "GET", null, "bEaReR t0ken"))
                .isEqualTo(new AccessDecision.Forward(null));
        for (String authorization : new String[] {null, "", "Bearer ", "Bearer t0ke", "t0ken", "Basic t0ken"}) {
            assertThat(policy.decide(Access.ADMIN, "GET", null, authorization))
                    .as("%s", authorization)
                    .isInstanceOf(AccessDecision.NeedsAdminToken.class);
        }
    }

    @Test
    void routeMetadataNamesTheAccessRule() {
        assertThat(Access.of("public-read")).hasValue(Access.PUBLIC_READ);
        assertThat(Access.of("source-write")).hasValue(Access.SOURCE_WRITE);
        assertThat(Access.of("admin-write")).hasValue(Access.ADMIN_WRITE);
        assertThat(Access.of("admin")).hasValue(Access.ADMIN);
        assertThat(Access.of("PUBLIC_READ")).isEmpty();
        assertThat(Access.of(null)).isEmpty();
    }
}
