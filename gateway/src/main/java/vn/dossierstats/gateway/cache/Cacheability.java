package vn.dossierstats.gateway.cache;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Which requests the cache may answer and which answers it may keep: pure decisions on headers, no web framework
 * state.
 */
final class Cacheability {

    /**
     * Credentials and cookies. On a public-read route the gateway strips credentials before forwarding
     * ({@code access.ForwardedIdentity}), so the answer cannot depend on them today; a request that carries them still
     * goes past the cache, so that no future change of what a service learns of the caller can make one caller's
     * answer another's.
     */
    private static final List<String> IDENTIFYING = List.of(HttpHeaders.AUTHORIZATION, "X-Api-Key", HttpHeaders.COOKIE);

    /**
     * Conditions the cache does not evaluate itself (the services evaluate them, Spring MVC's {@code checkNotModified});
     * only {@code If-None-Match} is answered by the cache. A request with one of these goes to the service unchanged.
     */
    private static final List<String> OTHER_CONDITIONS = List.of(
            HttpHeaders.RANGE,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_UNMODIFIED_SINCE,
            HttpHeaders.IF_MODIFIED_SINCE,
            HttpHeaders.IF_RANGE);

    /** The request header an answer may vary on ({@link CacheKey}): any other name in {@code Vary} keeps it out. */
    private static final String KEYED_VARY = HttpHeaders.ACCEPT.toLowerCase(Locale.ROOT);

    /**
     * Not kept with an answer: hop-by-hop fields (RFC 9110 section 7.6.1), the length (set from the body), the
     * {@code Age} (the cache's own), and what belongs to the request that fetched it, not to the representation
     * (its request id, trace context, CORS answer).
     */
    private static final Set<String> NOT_STORED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "content-length",
            "age",
            "x-cache",
            "x-request-id",
            "traceparent",
            "tracestate",
            "access-control-allow-origin",
            "access-control-allow-credentials",
            "access-control-expose-headers");

    private static final Set<String> FORBIDDING_DIRECTIVES = Set.of("no-store", "private", "no-cache");

    private Cacheability() {}

    /** Whether the cache may answer this GET (and keep the service's answer to it) from its headers. */
    static boolean answerable(HttpHeaders request) {
        for (String name : IDENTIFYING) {
            if (request.containsHeader(name)) {
                return false;
            }
        }
        for (String name : OTHER_CONDITIONS) {
            if (request.containsHeader(name)) {
                return false;
            }
        }
        // a GET with a body is unusual enough to go through untouched
        return request.getContentLength() <= 0 && !request.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Whether a service's answer may be kept and given to other callers: a 200 with a strong entity tag (needed to
     * revalidate it, and to answer callers' {@code If-None-Match}), its length declared and within the limit (the body
     * is read whole before anything is written), no cookie, nothing in {@code Cache-Control} that forbids a shared cache
     * to keep or reuse it, and a {@code Vary} on no header outside the key.
     *
     * <p>The services' {@code max-age=0, must-revalidate} does not keep an answer out: it tells the caller and any cache
     * beyond the gateway to ask again every time, and they still do (the gateway passes the header on and answers
     * their revalidation). The gateway is the services' own front (RFC 9110 section 3.7: a gateway acts as the origin
     * server towards its callers) and reuses an answer only for its configured TTL, a fraction of the 200 ms in which
     * the services' figures can change.
     */
    static boolean storable(HttpStatusCode status, HttpHeaders response, long maxBytes) {
        if (status.value() != 200) {
            return false;
        }
        if (!EntityTags.strong(response.getETag())) {
            return false;
        }
        long length = response.getContentLength();
        if (length < 0 || length > maxBytes || response.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        if (response.containsHeader(HttpHeaders.SET_COOKIE)) {
            return false;
        }
        for (String value : response.getOrEmpty(HttpHeaders.CACHE_CONTROL)) {
            for (String directive : value.split(",")) {
                String name = directive.strip().toLowerCase(Locale.ROOT);
                int equals = name.indexOf('=');
                if (FORBIDDING_DIRECTIVES.contains(
                        equals < 0 ? name : name.substring(0, equals).strip())) {
                    return false;
                }
            }
        }
        for (String value : response.getOrEmpty(HttpHeaders.VARY)) {
            for (String name : value.split(",")) {
                String varied = name.strip().toLowerCase(Locale.ROOT);
                if (!varied.isEmpty() && !varied.equals(KEYED_VARY)) {
                    return false; // including "*"
                }
            }
        }
        return true;
    }

    /** The service's answer headers worth keeping with the body (see {@link #NOT_STORED}). */
    static HttpHeaders stored(HttpHeaders response) {
        HttpHeaders kept = new HttpHeaders();
        response.forEach((name, values) -> {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }
}
