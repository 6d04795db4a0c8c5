package vn.dossierstats.gateway.balancing;

import java.io.IOException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.dossierstats.gateway.GatewayProperties;

/**
 * Route filter {@code ReadRetry}: a GET that could not reach its instance (connection refused, or a kept-alive
 * connection reset or closed before the answer's headers: an instance just killed) or got 503 is sent again at once, to the next instance of the round robin, at most
 * {@code gateway.service-connections.read-retries} times. Nothing else is retried: not a POST or PUT (a write sent
 * twice could be applied twice), not a response timeout (the service may still be working on it, and the caller would
 * wait twice as long), not an answer whose body has begun (an SSE stream that breaks ends for its client, who
 * reconnects).
 *
 * <p>Spring Cloud Gateway's {@code Retry} with these settings, built here because its YAML form cannot empty the
 * default series (every 5xx), and without a route id, so that it never switches on request-body caching.
 */
@Component
class ReadRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final GatewayFilter filter;

    ReadRetryGatewayFilterFactory(RetryGatewayFilterFactory retry, GatewayProperties properties) {
        super(Object.class);
        int retries = properties.serviceConnections().readRetries();
        this.filter = retries == 0
                ? (exchange, chain) -> chain.filter(exchange)
                : retry.apply(new RetryGatewayFilterFactory.RetryConfig()
                        .setRetries(retries)
                        .setMethods(HttpMethod.GET)
                        .setSeries()
                        .setStatuses(HttpStatus.SERVICE_UNAVAILABLE)
                        .setExceptions(IOException.class));
    }

    @Override
    public GatewayFilter apply(Object config) {
        return filter;
    }
}
