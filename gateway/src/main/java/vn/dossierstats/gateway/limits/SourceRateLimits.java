package vn.dossierstats.gateway.limits;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.dossierstats.gateway.GatewayProperties;

/**
 * One {@link TokenBucket} per source (so per key: a rotated key keeps its source's bucket), in the memory of this
 * gateway instance: with n instances behind a balancer a source gets up to n times the rate, which is the price of
 * needing no shared store. Only authenticated sources get a bucket, so their number is bounded by the sources that
 * exist.
 */
@Component
public class SourceRateLimits {

    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    SourceRateLimits(GatewayProperties properties) {
        this(properties.rateLimit().requestsPerSecond(), properties.rateLimit().burst(), System::nanoTime);
    }

    SourceRateLimits(double ratePerSecond, int burst, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request of this source's allowance.
     *
     * @return empty if it may go on, else the whole seconds to wait ({@code Retry-After}, at least 1)
     */
    public OptionalLong retryAfterSeconds(String sourceId) {
        long now = nanoTime.getAsLong();
        long waitNanos = buckets.computeIfAbsent(sourceId, id -> new TokenBucket(ratePerSecond, burst, now))
                .tryTake(now);
        if (waitNanos == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }
}
