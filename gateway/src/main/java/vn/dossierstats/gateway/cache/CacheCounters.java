package vn.dossierstats.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code gateway_response_cache_requests_total{route, result}}: how each read of a cached route was answered. The
 * counters of a route are looked up once and kept, so that counting costs a map lookup and an add.
 */
final class CacheCounters {

    /** How a read of a cached route was answered. */
    enum Result {
        /** From memory, within the TTL. */
        HIT,
        /** Waited for another request's exchange with the service for the same key (answered from its outcome). */
        COLLAPSED,
        /** The service confirmed the stored answer (304 to the cache's {@code If-None-Match}); body from memory. */
        REVALIDATED,
        /** The service's full answer (stored if it could be). */
        MISS,
        /** Not for the cache (credentials, a condition or a body in the request): passed through. */
        BYPASS
    }

    static final String NAME = "gateway.response.cache.requests";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Map<Result, Counter>> byRoute = new ConcurrentHashMap<>();

    CacheCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String route, Result result) {
        byRoute.computeIfAbsent(route, this::register).get(result).increment();
    }

    private Map<Result, Counter> register(String route) {
        Map<Result, Counter> counters = new EnumMap<>(Result.class);
        for (Result result : Result.values()) {
            counters.put(
                    result,
                    Counter.builder(NAME)
                            .description("Reads of cached routes, by how the gateway answered them")
                            .tag("route", route)
                            .tag("result", result.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        return counters;
    }
}
