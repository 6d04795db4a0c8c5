package vn.dossierstats.gateway.cache;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The condition of a request the cache sends to a service: {@code If-None-Match} with the stored answer's tag, or none
 * when nothing is stored, never the caller's (the cache answers the caller's itself, and needs the full answer when the
 * caller's tag is not the current one). Written into the copy of the headers that {@code forwarding.ForwardedHeaders}
 * makes for every proxied request (it runs first), as the gateway's other forwarded headers are, rather than into a
 * mutated copy of the request.
 */
class RevalidationHeaders implements HttpHeadersFilter, Ordered {

    /** Exchange attribute: the tag to revalidate, empty for none; absent: the request is not the cache's. */
    static final String ATTRIBUTE = RevalidationHeaders.class.getName() + ".etag";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String etag = exchange.getAttribute(ATTRIBUTE);
        if (etag == null) {
            return input;
        }
        input.remove(HttpHeaders.IF_NONE_MATCH);
        if (!etag.isEmpty()) {
            input.set(HttpHeaders.IF_NONE_MATCH, etag);
        }
        return input;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
