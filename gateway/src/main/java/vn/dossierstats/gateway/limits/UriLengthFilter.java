package vn.dossierstats.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.problem.Problems;

/**
 * Refuses a request line whose URI is longer than {@link #MAX_URI_LENGTH} with a 414 problem. Netty itself answers
 * an over-long request line with an empty 414; its limit ({@code server.netty.max-initial-line-length}) is set well
 * above this one, so that the client gets a problem body saying what is wrong in every case it is likely to meet.
 */
@Component
class UriLengthFilter implements WebFilter, Ordered {

    /**
     * No URI of the API comes near it, and with the headers the gateway forwards it stays well inside what the
     * services accept ({@code server.max-http-request-header-size}, 32 KiB).
     */
    static final int MAX_URI_LENGTH = 4 * 1024;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 25;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        int length = exchange.getRequest().getURI().getRawPath().length()
                + (exchange.getRequest().getURI().getRawQuery() == null
                        ? 0
                        : 1 + exchange.getRequest().getURI().getRawQuery().length());
        if (length > MAX_URI_LENGTH) {
            return Problems.write(
                    exchange,
                    HttpStatus.URI_TOO_LONG,
                    "The request URI is " + length + " characters long; at most " + MAX_URI_LENGTH + " are accepted.");
        }
        return chain.filter(exchange);
    }
}
