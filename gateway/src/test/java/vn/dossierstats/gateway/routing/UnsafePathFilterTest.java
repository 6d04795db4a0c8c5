package vn.dossierstats.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsafePathFilterTest {

    @Test
    void ordinaryApiPathsAreSafe() {
        for (String path : new String[] {
            "/api/v1/dossiers/H26.30-260701-0001",
            "/api/v1/procedures/1.004227",
            "/api/v1/stats/units/H26/series",
            "/api/v1/dossiers/a%20b",
            "/api/v1/dossiers/a+b",
            "/api/v1/dossiers/Nh%E1%BA%ADn",
            "/api/v1/dossiers/Nhận",
            "/api/v1/dossiers/\uD83D\uDCA9",
            "/api/v1/dossiers/%F0%9F%92%A9",
            "/api/v1/units/",
            "/api/v1/dossiers/...",
            "/api/v1/dossiers/.x",
            "/api/v1/dossiers/a..b",
            "/"
        }) {
            assertThat(UnsafePathFilter.isSafe(path)).as(path).isTrue();
        }
    }

    @Test
    void dotSegmentsEncodedSeparatorsPathParametersAndControlsAreNot() {
        for (String path : new String[] {
            "/api/v1/dossiers/../actuator",
            "/api/v1/dossiers/./x",
            "/api/v1/dossiers/%2e%2e/actuator",
            "/api/v1/dossiers/.%2E/actuator",
            "/api/v1/dossiers/a%2Fb",
            "/api/v1/dossiers/a%5cb",
            "/api/v1/dossiers/..;/actuator",
            "/api/v1/dossiers/x;jsessionid=1",
            "/api/v1/dossiers/..",
            "/api/v1/dossiers/.",
            "/../api/v1/dossiers",
            "/api/v1/dossiers/a\\b",
            "/api/v1/dossiers/a\tb",
            "/api/v1/dossiers/a\u007fb",
            "/api/v1/dossiers/a%3Bb",
            "/api/v1/dossiers/a%00b",
            "/api/v1/dossiers/a%0Ab",
            "/api/v1/dossiers/a%zzb",
            "/api/v1/dossiers/a%",
            "/api/v1/dossiers/a%4",
            "/api/v1/dossiers/%C0%AE%C0%AE",
            "/api/v1/dossiers/%C0%AF",
            "/api/v1/dossiers/%ED%A0%80",
            "/api/v1/dossiers/%FF",
            "/api/v1/dossiers/%E1%BA"
        }) {
            assertThat(UnsafePathFilter.isSafe(path)).as(path).isFalse();
        }
    }
}
