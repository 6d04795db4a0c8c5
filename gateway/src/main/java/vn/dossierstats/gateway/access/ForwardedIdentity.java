package vn.dossierstats.gateway.access;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service learns of the caller: the source identity that {@link AccessFilter} authenticated, as
 * {@code X-Source-Id}, and nothing of the credentials the gateway has checked. Applied to the proxied request's headers,
 * which the gateway copies once anyway, instead of to a mutated copy of the whole request.
 */
public final class ForwardedIdentity {

    /** Exchange attribute holding the {@link SourceIdentity} of an authenticated write. */
    public static final String SOURCE_ATTR = ForwardedIdentity.class.getName() + ".source";

    static final String API_KEY = "X-Api-Key";
    static final String SOURCE_ID = "X-Source-Id";

    private ForwardedIdentity() {}

    /**
     * Removes the credentials and any {@code X-Source-Id} the caller sent, and sets the authenticated source's.
     *
     * @param headers the mutable headers of the request to the service
     */
    public static void shape(HttpHeaders headers, ServerWebExchange exchange) {
        headers.remove(SOURCE_ID);
        headers.remove(API_KEY);
        headers.remove(HttpHeaders.AUTHORIZATION);
        SourceIdentity source = exchange.getAttribute(SOURCE_ATTR);
        if (source != null) {
            headers.set(SOURCE_ID, source.id());
        }
    }
}
