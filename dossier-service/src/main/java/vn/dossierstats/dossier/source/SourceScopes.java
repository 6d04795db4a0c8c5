package vn.dossierstats.dossier.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.catalogue.Catalogue;

/**
 * The scope check of ingestion: may this source write for this unit?
 *
 * <p>The gateway forwards only the source's identity ({@code X-Source-Id}, derived from the key); the scopes are looked
 * up here, in the system of record, so no header carries them. A source id that is not in the {@code source} table is
 * one of the gateway's configured bootstrap sources (e.g. the development key): the gateway admits those only with
 * scope {@code *}, so such an id may write for every unit. Ids of managed sources are generated here ({@code src-…})
 * and cannot be chosen to collide. A revoked source may write for no unit, even if a gateway still knew its key.
 *
 * <p>Lookups are cached for {@link #FRESHNESS} (a revocation made through another instance applies here within it)
 * and dropped at once on a change made through this one.
 */
@Component
public class SourceScopes {

    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private record Cached(Optional<Source> source, Instant loadedAt) {}

    private final Sources sources;
    private final Catalogue catalogue;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SourceScopes(Sources sources, Catalogue catalogue, Clock clock) {
        this.sources = sources;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Whether {@code sourceId} may write for {@code unitCode}. */
    public boolean covers(String sourceId, String unitCode) {
        List<String> scopes = scopesOf(sourceId);
        // no catalogue lookup for the common all-units source
        return scopes.contains(ScopeRule.ALL) || ScopeRule.covers(scopes, catalogue.path(unitCode));
    }

    List<String> scopesOf(String sourceId) {
        Instant now = clock.instant();
        Cached cached = cache.get(sourceId);
        if (cached == null || cached.loadedAt().plus(FRESHNESS).isBefore(now)) {
            cached = new Cached(sources.find(sourceId), now);
            cache.put(sourceId, cached);
        }
        return cached.source()
                .map(source -> source.revoked() ? List.<String>of() : source.scopes())
                .orElse(List.of(ScopeRule.ALL));
    }

    void changed(String sourceId) {
        cache.remove(sourceId);
    }
}
