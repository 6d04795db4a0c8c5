package vn.dossierstats.gateway.cors;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.GatewayProperties;
import vn.dossierstats.gateway.problem.Problems;

/**
 * CORS for dashboards on {@code /api/**}, from {@code gateway.cors.allowed-origins} (none by default). It runs before
 * authentication so that preflights need no credentials and the gateway's own errors (401, 413, ...) carry the CORS
 * headers a browser needs to show them. A request from an origin that is not allowed is a 403 problem.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    /** Headers the API uses: content, both credentials, request ids, SSE resumption. */
    static final List<String> ALLOWED_HEADERS =
            List.of("Content-Type", "Authorization", "X-Api-Key", "X-Request-Id", "Last-Event-ID");

    static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Retry-After", "Location", "WWW-Authenticate");

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final boolean enabled;

    CorsFilter(GatewayProperties properties) {
        GatewayProperties.Cors cors = properties.cors();
        this.enabled = !cors.allowedOrigins().isEmpty();
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(ALLOWED_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false); // credentials are headers, never cookies
        configuration.setMaxAge(3600L);
        source.registerCorsConfiguration("/api/**", configuration);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange); // no CORS headers at all: browsers keep to the same origin
        }
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "This origin, method or header is not allowed.");
        }
        if (configuration != null && CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
