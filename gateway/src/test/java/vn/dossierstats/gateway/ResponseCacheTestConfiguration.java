package vn.dossierstats.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The response cache's clock, which stands still until a test {@linkplain MutableTicker#advance advances} it (so that
 * "within the TTL" does not depend on how busy the machine is), and test-only routes that opt in to the cache: one
 * public with a longer response timeout (3 s) than the tests' default 1 s, one whose access rule is not public.
 */
@TestConfiguration(proxyBeanMethods = false)
class ResponseCacheTestConfiguration {

    static final long CACHED_ROUTE_TIMEOUT_MILLIS = 3000;

    /** A monotonic clock moved by hand. */
    static final class MutableTicker implements Ticker {

        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    /** Primary: the cache's own ticker bean may be defined too (its condition is evaluated before this class). */
    @Bean
    @Primary
    MutableTicker testResponseCacheTicker() {
        return new MutableTicker();
    }

    @Bean
    RouteLocator cachedTestRoutes(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-cached", r -> r.path("/api/v1/test-cached/**")
                        .metadata("access", "public-read")
                        .metadata("response-cache", true)
                        .metadata("response-timeout", CACHED_ROUTE_TIMEOUT_MILLIS)
                        .uri(GatewayITSupport.METRICS.uri()))
                // reads are anonymous on admin-write routes, yet only public-read routes may be cached
                .route("test-cached-admin-write", r -> r.path("/api/v1/test-cached-admin-write/**")
                        .metadata("access", "admin-write")
                        .metadata("response-cache", true)
                        .uri(GatewayITSupport.DOSSIER.uri()))
                .build();
    }
}
