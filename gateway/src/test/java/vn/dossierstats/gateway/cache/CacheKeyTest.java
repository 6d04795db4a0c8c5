package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void parametersInAnyOrderGiveOneKey() {
        assertThat(CacheKey.of("/api/v1/leaderboards", "period=2026-07&level=PROVINCE&indicator=ON_TIME_RATE", null))
                .isEqualTo(CacheKey.of(
                        "/api/v1/leaderboards", "indicator=ON_TIME_RATE&level=PROVINCE&period=2026-07", null));
    }

    @Test
    void aCanonicalQueryIsKeptAsItIs() {
        String query = "indicator=ON_TIME_RATE&level=PROVINCE&period=2026-07";

        assertThat(CacheKey.normalisedQuery(query)).isSameAs(query);
    }

    @Test
    void repeatedNamesKeepTheirOrderBecauseTheServiceTakesTheFirst() {
        assertThat(CacheKey.normalisedQuery("period=2026-07&level=A&level=B"))
                .isEqualTo("level=A&level=B&period=2026-07");
        assertThat(CacheKey.normalisedQuery("level=B&period=2026-07&level=A"))
                .isEqualTo("level=B&level=A&period=2026-07");
    }

    @Test
    void emptyPairsAreDropped() {
        assertThat(CacheKey.normalisedQuery("&level=A&&period=2026-07&")).isEqualTo("level=A&period=2026-07");
        assertThat(CacheKey.normalisedQuery("&")).isEmpty();
    }

    @Test
    void valuesStayEncodedAsSentSoThatTwoValuesNeverShareAKey() {
        assertThat(CacheKey.of("/p", "parent=H%2026", null)).isNotEqualTo(CacheKey.of("/p", "parent=H 26", null));
        assertThat(CacheKey.of("/p", "parent=", null)).isNotEqualTo(CacheKey.of("/p", "parent", null));
    }

    @Test
    void aQueryWithAnEncodedNameKeepsItsOrder() {
        // lev%65l is "level" at the service: reordering could change which value it takes first
        assertThat(CacheKey.normalisedQuery("level=B&lev%65l=A")).isEqualTo("level=B&lev%65l=A");
        assertThat(CacheKey.of("/p", "level=B&lev%65l=A", null))
                .isNotEqualTo(CacheKey.of("/p", "lev%65l=A&level=B", null));
    }

    @Test
    void noQueryAndAnEmptyQueryAreTheSame() {
        assertThat(CacheKey.of("/p", null, null)).isEqualTo(CacheKey.of("/p", "", null));
    }

    @Test
    void theAcceptHeaderIsPartOfTheKey() {
        assertThat(CacheKey.of("/p", "a=1", "application/json")).isNotEqualTo(CacheKey.of("/p", "a=1", "text/html"));
        assertThat(CacheKey.of("/p", "a=1", " application/json "))
                .isEqualTo(CacheKey.of("/p", "a=1", "application/json"));
        assertThat(CacheKey.of("/p", "a=1", null)).isNotEqualTo(CacheKey.of("/p", "a=1", "*/*"));
    }

    @Test
    void pathsAreComparedAsSent() {
        assertThat(CacheKey.of("/api/v1/stats/units/01", null, null))
                .isNotEqualTo(CacheKey.of("/api/v1/stats/units/%30%31", null, null));
    }
}
