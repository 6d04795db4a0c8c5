package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.gateway.route.Route;

class ResponseCacheFilterTest {

    private static Route route(Map<String, Object> metadata) {
        return Route.async()
                .id("r")
                .uri("http://localhost:1")
                .predicate(exchange -> true)
                .metadata(metadata)
                .build();
    }

    @ParameterizedTest(name = "access {0}, response-cache {1}: cached {2}")
    @CsvSource({
        "public-read, true, true",
        "public-read, false, false",
        "public-read, , false",
        "admin-write, true, false",
        "admin, true, false",
        "source-write, true, false",
        ", true, false",
    })
    void onlyPublicReadRoutesThatOptInAreCached(String access, Boolean optedIn, boolean cached) {
        Map<String, Object> metadata = new java.util.HashMap<>();
        if (access != null) {
            metadata.put("access", access);
        }
        if (optedIn != null) {
            metadata.put("response-cache", optedIn);
        }

        assertThat(ResponseCacheFilter.cached(route(metadata))).isEqualTo(cached);
    }
}
