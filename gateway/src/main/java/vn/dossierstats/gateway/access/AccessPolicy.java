package vn.dossierstats.gateway.access;

import java.util.List;
import java.util.Set;

/** Decides, without any web framework, whether a request may go through: the rules of api.md "Authentication". */
final class AccessPolicy {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";
    /** A read or an administrator's request: decided on every request, allocated once. */
    private static final AccessDecision FORWARD_ANONYMOUS = new AccessDecision.Forward(null);

    private final SourceDirectory sources;
    private final AdminAuthenticator admins;

    AccessPolicy(SourceDirectory sources, AdminAuthenticator admins) {
        this.sources = sources;
        this.admins = admins;
    }

    AccessDecision decide(Access access, String method, String apiKey, String authorization) {
        boolean read = READS.contains(method);
        return switch (access) {
            case PUBLIC_READ -> read ? FORWARD_ANONYMOUS : new AccessDecision.MethodNotAllowed(List.of("GET", "HEAD"));
            case SOURCE_WRITE -> {
                if (!"POST".equals(method)) {
                    yield new AccessDecision.MethodNotAllowed(List.of("POST"));
                }
                yield sources.authenticate(apiKey)
                        .<AccessDecision>map(AccessDecision.Forward::new)
                        .orElseGet(() -> looksManaged(apiKey) && !sources.current()
                                ? new AccessDecision.SourceKeysUnavailable()
                                : new AccessDecision.NeedsSourceKey());
            }
            case ADMIN_WRITE -> read || isAdmin(authorization) ? FORWARD_ANONYMOUS : needsAdmin();
            case ADMIN -> isAdmin(authorization) ? FORWARD_ANONYMOUS : needsAdmin();
            // decided by DvcqgAccess, which may need the body (the envelope's session): never forwarded from here
            case DVCQG -> new AccessDecision.NeedsSourceKey();
        };
    }

    /** A managed key is {@code <keyId>.<secret>}; anything else can be refused whatever the feed's state. */
    private static boolean looksManaged(String apiKey) {
        return apiKey != null && apiKey.indexOf('.') > 0;
    }

    private static AccessDecision needsAdmin() {
        return new AccessDecision.NeedsAdminToken();
    }

    private boolean isAdmin(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()) {
            return false;
        }
        // RFC 9110: the auth scheme is case-insensitive
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return admins.admits(authorization.substring(BEARER.length()).trim());
    }
}
