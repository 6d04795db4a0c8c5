package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The services' CSV open data (issue 21) and the micro-cache: a CSV is never served for JSON, nor the reverse. */
class CsvRepresentationCacheTest {

    private static final String REPORT = "/api/v1/stats/units/H26";

    @Test
    void csvAskedByAcceptAndJsonAreTwoEntries() {
        assertThat(CacheKey.of(REPORT, "period=2026-07", "text/csv"))
                .isNotEqualTo(CacheKey.of(REPORT, "period=2026-07", "application/json"))
                .isNotEqualTo(CacheKey.of(REPORT, "period=2026-07", null));
    }

    @Test
    void csvAskedByTheFormatParameterAndJsonAreTwoEntriesWhateverTheAccept() {
        assertThat(CacheKey.of(REPORT, "format=csv&period=2026-07", "*/*"))
                .isNotEqualTo(CacheKey.of(REPORT, "period=2026-07", "*/*"));
        assertThat(CacheKey.of(REPORT, "period=2026-07&format=csv", "*/*"))
                .isEqualTo(CacheKey.of(REPORT, "format=csv&period=2026-07", "*/*"));
    }

    @Test
    void anAnswerThatVariesOnAcceptOnlyIsStillKept() {
        HttpHeaders csv = new HttpHeaders();
        csv.setETag("\"abc\"");
        csv.setContentLength(10);
        csv.add(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8;header=present");
        csv.add(HttpHeaders.VARY, "Accept");
        csv.add(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");

        assertThat(Cacheability.storable(HttpStatus.OK, csv, 1_000)).isTrue();
    }
}
