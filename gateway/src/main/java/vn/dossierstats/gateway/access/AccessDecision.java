package vn.dossierstats.gateway.access;

import java.util.List;

/** What the gateway does with a request on a route, given its method and credentials. */
sealed interface AccessDecision {

    /** Forward it; {@code source} is the writing source system, or null for reads and administrators. */
    record Forward(SourceIdentity source) implements AccessDecision {}

    /** 401: a source key is needed and the request has none that is valid. */
    record NeedsSourceKey() implements AccessDecision {}

    /**
     * 503 with {@code Retry-After}: the key has the shape of a managed key, and the managed keys cannot be checked now
     * (their feed is stale): refusing it with 401 would tell a source with a good key to stop sending.
     */
    record SourceKeysUnavailable() implements AccessDecision {}

    /** 401 with {@code WWW-Authenticate: Bearer}: the administrator token is needed. */
    record NeedsAdminToken() implements AccessDecision {}

    /** 405: the route does not take this method. */
    record MethodNotAllowed(List<String> allowed) implements AccessDecision {}
}
