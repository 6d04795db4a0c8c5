package vn.dossierstats.dossier.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogueCacheTest {

    private final MutableClock clock = new MutableClock();
    private final CatalogueCache<String, String> cache = new CatalogueCache<>(clock);
    private final Map<String, String> table = new HashMap<>();
    private int loads;

    @Test
    void aFoundEntryIsServedFromMemoryWithinTheFreshness() {
        table.put("33", "Hưng Yên");
        assertThat(get("33")).contains("Hưng Yên");
        table.put("33", "changed elsewhere");
        clock.advance(CatalogueCache.FRESHNESS);

        assertThat(get("33")).contains("Hưng Yên");
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void anEntryOlderThanTheFreshnessIsLoadedAgain() {
        table.put("33", "Hưng Yên");
        get("33");
        table.put("33", "changed elsewhere");
        clock.advance(CatalogueCache.FRESHNESS.plusMillis(1));

        assertThat(get("33")).contains("changed elsewhere");
    }

    @Test
    void anUnknownKeyIsLookedUpEveryTimeSoThatItIsUsableAsSoonAsItExists() {
        assertThat(get("33.001")).isEmpty();
        table.put("33.001", "Phù Cừ");

        assertThat(get("33.001")).contains("Phù Cừ");
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void aDroppedEntryIsLoadedAtOnce() {
        table.put("33", "Hưng Yên");
        get("33");
        table.put("33", "changed here");
        cache.drop("33");
        assertThat(get("33")).contains("changed here");

        table.put("33", "changed again");
        cache.dropAll();
        assertThat(get("33")).contains("changed again");
    }

    private Optional<String> get(String key) {
        return cache.get(key, k -> {
            loads++;
            return Optional.ofNullable(table.get(k));
        });
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-07-06T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
