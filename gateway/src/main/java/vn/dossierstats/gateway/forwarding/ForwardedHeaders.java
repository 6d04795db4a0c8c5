package vn.dossierstats.gateway.forwarding;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import vn.dossierstats.gateway.access.ForwardedIdentity;
import vn.dossierstats.gateway.requestid.RequestIdFilter;

/**
 * The headers of the request a service receives, written once into the copy of the caller's headers that the gateway
 * makes for every proxied request: the request id, the authenticated source and no credentials
 * ({@link ForwardedIdentity}), and the trace context of the request's span ({@link ServerSpanPropagation}). The filters
 * that decide these only record them in exchange attributes: mutating the exchange's request in each of them copied
 * every header again per filter.
 */
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    private final ServerSpanPropagation traces;

    ForwardedHeaders(ServerSpanPropagation traces) {
        this.traces = traces;
    }

    /** First, so that it makes the copy that the gateway's own header filters then work on. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        }
        ForwardedIdentity.shape(headers, exchange);
        traces.inject(headers, exchange);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
