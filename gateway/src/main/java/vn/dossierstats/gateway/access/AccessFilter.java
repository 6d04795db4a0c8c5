package vn.dossierstats.gateway.access;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.limits.SourceRateLimits;
import vn.dossierstats.gateway.problem.Problems;
import vn.dossierstats.gateway.requestid.RequestLog;

/**
 * Applies the route's {@link Access} rule once the router has chosen the route, and records who the caller is for
 * {@link ForwardedIdentity}, which shapes what the service sees: the source identity comes from the key alone
 * ({@code X-Source-Id} from callers is always removed), and the credentials the gateway has checked
 * ({@code X-Api-Key}, {@code Authorization}) are not passed on. An authenticated source over its rate limit gets 429
 * with {@code Retry-After}.
 */
@Component
class AccessFilter implements GlobalFilter, Ordered {

    static final String API_KEY = ForwardedIdentity.API_KEY;
    private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);

    private final AccessPolicy policy;
    private final SourceRateLimits rateLimits;
    private final DvcqgAccess dvcqg;

    AccessFilter(AccessPolicy policy, SourceRateLimits rateLimits, DvcqgAccess dvcqg) {
        this.policy = policy;
        this.rateLimits = rateLimits;
        this.dvcqg = dvcqg;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Access access = route == null
                ? null
                : Access.of(route.getMetadata().get(Access.METADATA)).orElse(null);
        if (access == null) {
            // fail closed: a route without a valid access rule is a configuration mistake, never an open door
            return Mono.deferContextual(context -> {
                RequestLog.log(
                        context,
                        () -> log.error(
                                "route {} declares no valid metadata.access; refusing",
                                route == null ? null : route.getId()));
                return Problems.write(exchange, HttpStatus.FORBIDDEN, "This resource is not available.");
            });
        }
        if (access == Access.DVCQG) {
            return dvcqg.filter(exchange, chain);
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        AccessDecision decision = policy.decide(
                access,
                request.getMethod().name(),
                headers.getFirst(API_KEY),
                headers.getFirst(HttpHeaders.AUTHORIZATION));
        return switch (decision) {
            case AccessDecision.NeedsSourceKey ignored ->
                Problems.write(
                        exchange,
                        HttpStatus.UNAUTHORIZED,
                        "A valid X-Api-Key header is required to send dossier events.");
            case AccessDecision.SourceKeysUnavailable ignored -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                yield Problems.write(
                        exchange,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Source keys cannot be checked right now; nothing was applied; retry later.");
            }
            case AccessDecision.NeedsAdminToken ignored -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                yield Problems.write(
                        exchange,
                        HttpStatus.UNAUTHORIZED,
                        "A valid administrator token (Authorization: Bearer) is required.");
            }
            case AccessDecision.MethodNotAllowed notAllowed -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, String.join(", ", notAllowed.allowed()));
                yield Problems.write(
                        exchange,
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "This resource accepts only " + String.join(", ", notAllowed.allowed()) + ".");
            }
            case AccessDecision.Forward forward -> {
                OptionalLong retryAfter = forward.source() == null
                        ? OptionalLong.empty()
                        : rateLimits.retryAfterSeconds(forward.source().id());
                if (retryAfter.isPresent()) {
                    exchange.getResponse()
                            .getHeaders()
                            .set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
                    yield Problems.write(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests for this key; retry after the time in Retry-After.");
                }
                if (forward.source() != null) {
                    exchange.getAttributes().put(ForwardedIdentity.SOURCE_ATTR, forward.source());
                }
                yield chain.filter(exchange);
            }
        };
    }
}
