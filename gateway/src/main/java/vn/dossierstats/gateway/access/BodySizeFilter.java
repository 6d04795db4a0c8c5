package vn.dossierstats.gateway.access;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.GatewayProperties;
import vn.dossierstats.gateway.problem.Problems;

/** Refuses bodies over the limit (1 MiB by default) before they reach a service. */
@Component
class BodySizeFilter implements WebFilter, Ordered {

    private final long maxBytes;

    BodySizeFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Problems.write(
                    exchange.getResponse(),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes + " are accepted.");
        }
        return chain.filter(exchange);
    }
}
