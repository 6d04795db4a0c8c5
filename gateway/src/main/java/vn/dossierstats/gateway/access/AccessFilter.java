package vn.dossierstats.gateway.access;

import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.GatewayProperties;
import vn.dossierstats.gateway.problem.Problems;

/**
 * Who may do what: event writes need a source key, catalogue and calendar writes the admin token, reads are public.
 * The source identity forwarded to dossier-service comes from the key alone: any {@code X-Source-Id} a caller sends
 * is removed from every request.
 */
@Component
class AccessFilter implements WebFilter, Ordered {

    static final String API_KEY = "X-Api-Key";
    static final String SOURCE_ID = "X-Source-Id";
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final SourceKeys sourceKeys;
    private final AdminToken adminToken;

    AccessFilter(GatewayProperties properties) {
        this.sourceKeys = new SourceKeys(properties.sources());
        this.adminToken = new AdminToken(
                properties.admin() == null ? null : properties.admin().token());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        HttpMethod method = request.getMethod();
        String sourceId = null;
        if (path.startsWith("/api/v1/dossier-events") && WRITES.contains(method)) {
            sourceId =
                    sourceKeys.sourceOf(request.getHeaders().getFirst(API_KEY)).orElse(null);
            if (sourceId == null) {
                return Problems.write(
                        exchange.getResponse(),
                        HttpStatus.UNAUTHORIZED,
                        "A valid X-Api-Key is required to send dossier events.");
            }
        } else if (isAdministration(path)
                && WRITES.contains(method)
                && !adminToken.admits(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(
                    exchange.getResponse(), HttpStatus.UNAUTHORIZED, "A valid administrator bearer token is required.");
        }
        String forwardedSource = sourceId;
        ServerHttpRequest forwarded = request.mutate()
                .headers(headers -> {
                    headers.remove(SOURCE_ID);
                    headers.remove(API_KEY);
                    if (forwardedSource != null) {
                        headers.set(SOURCE_ID, forwardedSource);
                    }
                })
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static boolean isAdministration(String path) {
        return path.startsWith("/api/v1/units")
                || path.startsWith("/api/v1/procedures")
                || path.startsWith("/api/v1/calendar")
                || path.startsWith("/api/v1/sources");
    }
}
