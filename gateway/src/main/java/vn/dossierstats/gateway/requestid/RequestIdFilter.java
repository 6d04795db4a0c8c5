package vn.dossierstats.gateway.requestid;

import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: a caller's sane {@code X-Request-Id} is kept, anything else replaced by a UUID. The id is
 * returned on every response (errors included), forwarded to the service (as the exchange attribute {@link #ATTRIBUTE},
 * which {@code forwarding.ForwardedHeaders} writes into the proxied request: no second copy of the request here) and
 * put in the log lines of the request: it travels in the Reactor context, from which {@link RequestLog} restores it
 * into the MDC for the gateway's own log lines ({@code spring.reactor.context-propagation=limited}).
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key (and Reactor context key) of the log pattern: {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";
    /** Exchange attribute holding the request's id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** Printable, short, no separators a log parser or header could trip on. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    RequestIdFilter() {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        MDC_KEY, () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idFor(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(ATTRIBUTE, id);
        return chain.filter(exchange).contextWrite(context -> context.put(MDC_KEY, id));
    }

    /** The incoming id when it is sane, else a new one (also for answers given before this filter runs). */
    public static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : randomUuid();
    }

    /**
     * A random (version 4) UUID from a thread-local generator: a request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} draws from the JVM's one shared SecureRandom on every request.
     */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56); // IETF variant
        return new UUID(high, low).toString();
    }
}
