package vn.dossierstats.gateway.access;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may use a route, declared on the route itself ({@code metadata.access} in application.yml) so that whatever
 * path variant the router matches, the same rule applies.
 */
public enum Access {
    /** Reads for everyone; other methods are 405. */
    PUBLIC_READ("public-read"),
    /** Only POST, with a source key. */
    SOURCE_WRITE("source-write"),
    /** Reads for everyone; every other method needs the administrator token. */
    ADMIN_WRITE("admin-write"),
    /** Every method needs the administrator token (source management, issue 6). */
    ADMIN("admin"),
    /**
     * Only POST, from a source identified as DVCQG clients do it: key, HTTP Basic or the login's session (issue 20,
     * {@link DvcqgAccess}).
     */
    DVCQG("dvcqg");

    /** The route metadata key. */
    public static final String METADATA = "access";

    private final String name;

    Access(String name) {
        this.name = name;
    }

    /** Looked up on every request: a map, not a stream over the values. */
    private static final Map<String, Access> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(access -> access.name, access -> access));

    /** The rule a route declares, if its {@code metadata.access} names one. */
    public static Optional<Access> of(Object metadata) {
        return metadata instanceof String name ? Optional.ofNullable(BY_NAME.get(name)) : Optional.empty();
    }
}
