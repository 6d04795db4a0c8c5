package vn.dossierstats.dossier.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was found in the catalogue, kept for {@link #FRESHNESS}: every event reads its unit, procedure and unit path.
 * Only what exists is kept, so a unit created through another instance is usable here at once; a change made through
 * another instance applies here within the freshness, one made through this one as soon as it is dropped.
 */
final class CatalogueCache<K, V> {

    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private record Entry<V>(V value, Instant loadedAt) {}

    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    CatalogueCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached value, or what {@code load} finds now (kept only when found). */
    Optional<V> get(K key, Function<K, Optional<V>> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && !entry.loadedAt().plus(FRESHNESS).isBefore(now)) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = load.apply(key);
        loaded.ifPresentOrElse(value -> entries.put(key, new Entry<>(value, now)), () -> entries.remove(key));
        return loaded;
    }

    void drop(K key) {
        entries.remove(key);
    }

    void dropAll() {
        entries.clear();
    }
}
