package vn.dossierstats.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives every request an id (a caller's sane one is kept), forwards it and returns it on every response. */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        var request =
                exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        MDC.put("requestId", id);
        try {
            return chain.filter(exchange.mutate().request(request).build())
                    .contextWrite(context -> context.put(HEADER, id));
        } finally {
            MDC.remove("requestId");
        }
    }
}
