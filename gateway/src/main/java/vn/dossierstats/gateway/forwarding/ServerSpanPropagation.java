package vn.dossierstats.gateway.forwarding;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Continues the request's trace at the service: the W3C {@code traceparent} (and {@code tracestate}, baggage) of the
 * gateway's server span, sampled or not, so that the service follows the gateway's sampling decision. This replaces
 * Spring Cloud Gateway's client observation ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}),
 * which opened a second observation, span and timer for every proxied request only to write these headers. A trace
 * thus goes from the gateway's server span straight to the service's.
 */
class ServerSpanPropagation {

    /** Without tracing (no propagator), the caller's trace headers pass through as they came. */
    static final ServerSpanPropagation NONE = new ServerSpanPropagation(null);

    private final Propagator propagator;

    ServerSpanPropagation(Propagator propagator) {
        this.propagator = propagator;
    }

    void inject(HttpHeaders headers, ServerWebExchange exchange) {
        if (propagator == null) {
            return;
        }
        TracingContext tracing = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .<TracingContext>map(context -> context.get(TracingContext.class))
                .orElse(null);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span != null) {
            propagator.inject(span.context(), headers, HttpHeaders::set);
        }
    }
}
