package vn.dossierstats.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stored answers, bounded, and the exchanges with the services under way, one per key.
 *
 * <p>Bounded by Caffeine (already what ranking- and metrics-service use for their bounded maps), by weight: an entry
 * weighs its bytes but at least {@code maxBytes / maxEntries}, so that the one bound caps both the bytes and the
 * number of entries. Caffeine's admission policy (W-TinyLFU) also keeps a burst of one-off URLs (a query with a
 * cache-buster) from evicting the hot leaderboards. Entries are not expired by Caffeine: an answer past its TTL is
 * still worth its entity tag, for a revalidation that costs the service no body.
 *
 * <p>Exchanges in flight: after the TTL, the first request for a key {@linkplain #lead leads} (asks the service) and
 * the others for the same key follow it, waiting for its outcome instead of each asking the service.
 */
final class ResponseStore {

    /** What a request does for a key whose answer is not fresh. */
    sealed interface Turn {

        /** Ask the service, then {@link ResponseStore#finish} with the outcome. */
        record Lead(CompletableFuture<Optional<StoredResponse>> outcome, StoredResponse stale) implements Turn {}

        /**
         * Wait for the leader's outcome: an answer to give, empty when the leader's answer could not be shared (then ask
         * the service yourself), or the leader's error.
         */
        record Follow(CompletableFuture<Optional<StoredResponse>> outcome) implements Turn {}

        /** Became fresh meanwhile (a leader finished between the lookup and this turn). */
        record Fresh(StoredResponse response) implements Turn {}
    }

    private final Cache<CacheKey, StoredResponse> entries;
    private final ConcurrentMap<CacheKey, CompletableFuture<Optional<StoredResponse>>> inFlight =
            new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final long ttlNanos;
    private final long maxEntryBytes;

    ResponseStore(Ticker ticker, Duration ttl, long maxBytes, int maxEntries, long maxEntryBytes) {
        this.ticker = ticker;
        this.ttlNanos = ttl.toNanos();
        this.maxEntryBytes = Math.min(maxEntryBytes, maxBytes);
        int minimumWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / maxEntries));
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<CacheKey, StoredResponse>weigher((key, response) -> Math.max(minimumWeight, weight(key, response)))
                // eviction on the writing thread: bounded work, and no dependency on the common pool
                .executor(Runnable::run)
                .build();
    }

    long now() {
        return ticker.read();
    }

    long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The stored answer if it is within its TTL at {@code now}. */
    StoredResponse fresh(CacheKey key, long now) {
        StoredResponse response = entries.getIfPresent(key);
        return response != null && response.freshAt(now, ttlNanos) ? response : null;
    }

    /** For a key without a fresh answer: lead the exchange with the service, or follow the one under way. */
    Turn turn(CacheKey key) {
        CompletableFuture<Optional<StoredResponse>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<StoredResponse>> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            return new Turn.Follow(leader);
        }
        StoredResponse stored = entries.getIfPresent(key);
        if (stored != null && stored.freshAt(now(), ttlNanos)) {
            finish(key, mine, Optional.of(stored));
            return new Turn.Fresh(stored);
        }
        return new Turn.Lead(mine, stored);
    }

    void store(CacheKey key, StoredResponse response) {
        entries.put(key, response);
    }

    /**
     * Ends a lead: followers get {@code outcome} (unless they already got one, e.g. an error), and the next request for
     * the key finds no exchange under way.
     */
    void finish(CacheKey key, CompletableFuture<Optional<StoredResponse>> lead, Optional<StoredResponse> outcome) {
        inFlight.remove(key, lead);
        lead.complete(outcome);
    }

    /** Ends a lead that failed (the service is down or too slow): its followers fail the same way, at once. */
    void fail(CacheKey key, CompletableFuture<Optional<StoredResponse>> lead, Throwable error) {
        inFlight.remove(key, lead);
        lead.completeExceptionally(error);
    }

    long size() {
        return entries.estimatedSize();
    }

    private static int weight(CacheKey key, StoredResponse response) {
        long weight = (long) response.size()
                + key.path().length()
                + key.query().length()
                + key.accept().length();
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }
}
