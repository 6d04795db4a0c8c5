package vn.dossierstats.dossier.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The W3C {@code traceparent} of the span being handled, kept with an outbox row so that the relay, which runs later
 * on its own thread, puts the request's trace on the Kafka record it publishes.
 */
@Component
public class TraceParents {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    private static final String NO_TRACE = "00000000000000000000000000000000";

    private final ObjectProvider<Tracer> tracer;

    TraceParents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span as {@code 00-<trace id>-<span id>-<flags>}, or null outside any (or a no-op) span. */
    public String current() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return format(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
    }

    static String format(String traceId, String spanId, boolean sampled) {
        String value = "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
        return VALID.matcher(value).matches() && !NO_TRACE.equals(traceId) ? value : null;
    }
}
