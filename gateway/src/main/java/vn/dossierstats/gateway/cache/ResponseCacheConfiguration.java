package vn.dossierstats.gateway.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dossierstats.gateway.GatewayProperties;

/**
 * The micro-cache of public reads ({@link ResponseCacheFilter}); {@code gateway.response-cache.enabled=false}
 * ({@code GATEWAY_RESPONSE_CACHE_ENABLED}) leaves it out entirely, every read proxied.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.response-cache.enabled", matchIfMissing = true)
class ResponseCacheConfiguration {

    /** Durations on the monotonic clock ({@code System.nanoTime()}); tests replace it to decide when a TTL is over. */
    @Bean
    @ConditionalOnMissingBean
    Ticker responseCacheTicker() {
        return Ticker.systemTicker();
    }

    @Bean
    ResponseStore responseStore(GatewayProperties properties, Ticker ticker, MeterRegistry registry) {
        GatewayProperties.ResponseCache cache = properties.responseCache();
        ResponseStore store = new ResponseStore(
                ticker,
                cache.ttl(),
                cache.maxSize().toBytes(),
                cache.maxEntries(),
                cache.maxEntrySize().toBytes());
        registry.gauge("gateway.response.cache.entries", store, ResponseStore::size);
        return store;
    }

    @Bean
    ResponseCacheFilter responseCacheFilter(
            ResponseStore store, MeterRegistry registry, HttpClientProperties httpClient) {
        return new ResponseCacheFilter(store, new CacheCounters(registry), httpClient.getResponseTimeout());
    }

    @Bean
    RevalidationHeaders revalidationHeaders() {
        return new RevalidationHeaders();
    }
}
