package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class StoredResponseTest {

    private static final long TTL = Duration.ofMillis(100).toNanos();
    private static final long T0 = 5_000_000_000L;

    private static StoredResponse storedAt(long now) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.set(HttpHeaders.ETAG, "\"v1\"");
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");
        headers.set(HttpHeaders.CONTENT_LENGTH, "2");
        return StoredResponse.of("{}".getBytes(StandardCharsets.UTF_8), headers, now);
    }

    @Test
    void freshUntilTheTtlHasPassedNotAtIt() {
        StoredResponse stored = storedAt(T0);

        assertThat(stored.freshAt(T0, TTL)).isTrue();
        assertThat(stored.freshAt(T0 + TTL - 1, TTL)).isTrue();
        assertThat(stored.freshAt(T0 + TTL, TTL)).isFalse();
        assertThat(stored.freshAt(T0 + 10 * TTL, TTL)).isFalse();
    }

    @Test
    void aZeroTtlNeverServesWithoutAsking() {
        assertThat(storedAt(T0).freshAt(T0, 0)).isFalse();
    }

    @Test
    void aRevalidationMakesItFreshAgainWithTheSameBodyAndTag() {
        StoredResponse stored = storedAt(T0);
        HttpHeaders notModified = new HttpHeaders();
        notModified.set(HttpHeaders.ETAG, "\"v1\"");
        notModified.set(HttpHeaders.CACHE_CONTROL, "public, max-age=1, must-revalidate");

        StoredResponse revalidated = stored.revalidated(notModified, T0 + 5 * TTL);

        assertThat(revalidated.freshAt(T0 + 5 * TTL + TTL - 1, TTL)).isTrue();
        assertThat(revalidated.body()).isSameAs(stored.body());
        assertThat(revalidated.etag()).isEqualTo("\"v1\"");
        assertThat(revalidated.headers().getCacheControl()).isEqualTo("public, max-age=1, must-revalidate");
        assertThat(revalidated.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void theLengthIsNotStoredButTheTagIs() {
        StoredResponse stored = storedAt(T0);

        assertThat(stored.etag()).isEqualTo("\"v1\"");
        assertThat(stored.headers().containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
    }

    @Test
    void theAgeIsInWholeSecondsSinceTheServiceVouchedForIt() {
        StoredResponse stored = storedAt(T0);

        assertThat(stored.ageSeconds(T0 + TTL)).isZero();
        assertThat(stored.ageSeconds(T0 + 2_500_000_000L)).isEqualTo(2);
    }
}
