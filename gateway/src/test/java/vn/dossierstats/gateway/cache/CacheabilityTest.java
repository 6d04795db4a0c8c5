package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class CacheabilityTest {

    private static final long MAX = 1000;

    private static HttpHeaders answer() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.set(HttpHeaders.ETAG, "\"0a1b2c\"");
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");
        headers.set(HttpHeaders.CONTENT_LENGTH, "100");
        return headers;
    }

    @Test
    void anAnonymousPlainGetIsAnswerable() {
        HttpHeaders request = new HttpHeaders();
        request.set(HttpHeaders.ACCEPT, "application/json");
        request.set(HttpHeaders.IF_NONE_MATCH, "\"0a1b2c\"");
        request.set(HttpHeaders.ACCEPT_LANGUAGE, "vi");

        assertThat(Cacheability.answerable(request)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization",
                "X-Api-Key",
                "Cookie",
                "Range",
                "If-Match",
                "If-Modified-Since",
                "If-Unmodified-Since",
                "If-Range",
                "Transfer-Encoding"
            })
    void aRequestWithCredentialsCookiesOtherConditionsOrABodyGoesPastTheCache(String header) {
        HttpHeaders request = new HttpHeaders();
        request.set(header, "x");

        assertThat(Cacheability.answerable(request)).isFalse();
    }

    @Test
    void aGetWithABodyGoesPastTheCache() {
        HttpHeaders request = new HttpHeaders();
        request.setContentLength(3);

        assertThat(Cacheability.answerable(request)).isFalse();
    }

    @Test
    void aServices200WithAStrongTagIsStorableDespiteMaxAgeZero() {
        assertThat(Cacheability.storable(HttpStatus.OK, answer(), MAX)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 204, 206, 301, 304, 400, 404, 422, 500, 503})
    void onlyA200IsStorable(int status) {
        assertThat(Cacheability.storable(HttpStatus.valueOf(status), answer(), MAX))
                .isFalse();
    }

    @Test
    void anAnswerWithoutOrWithAWeakTagIsNotStorable() {
        HttpHeaders untagged = answer();
        untagged.remove(HttpHeaders.ETAG);
        HttpHeaders weak = answer();
        weak.set(HttpHeaders.ETAG, "W/\"0a1b2c\"");
        HttpHeaders unquoted = answer();
        unquoted.set(HttpHeaders.ETAG, "0a1b2c");

        assertThat(Cacheability.storable(HttpStatus.OK, untagged, MAX)).isFalse();
        assertThat(Cacheability.storable(HttpStatus.OK, weak, MAX)).isFalse();
        assertThat(Cacheability.storable(HttpStatus.OK, unquoted, MAX)).isFalse();
    }

    @Test
    void anAnswerLargerThanTheLimitOrOfUnknownLengthIsNotStorable() {
        HttpHeaders large = answer();
        large.setContentLength(MAX + 1);
        HttpHeaders chunked = answer();
        chunked.remove(HttpHeaders.CONTENT_LENGTH);
        chunked.set(HttpHeaders.TRANSFER_ENCODING, "chunked");

        assertThat(Cacheability.storable(HttpStatus.OK, large, MAX)).isFalse();
        assertThat(Cacheability.storable(HttpStatus.OK, chunked, MAX)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-store", "private", "no-cache", "public, max-age=0, PRIVATE", "private=\"X-Foo\""})
    void cacheControlThatForbidsASharedCacheKeepsItOut(String cacheControl) {
        HttpHeaders headers = answer();
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);

        assertThat(Cacheability.storable(HttpStatus.OK, headers, MAX)).isFalse();
    }

    @Test
    void anAnswerSettingACookieIsNotStorable() {
        HttpHeaders headers = answer();
        headers.set(HttpHeaders.SET_COOKIE, "session=1");

        assertThat(Cacheability.storable(HttpStatus.OK, headers, MAX)).isFalse();
    }

    @Test
    void anAnswerMayVaryOnAcceptOnlyTheHeaderInTheKey() {
        HttpHeaders onAccept = answer();
        onAccept.set(HttpHeaders.VARY, "accept");
        HttpHeaders onLanguage = answer();
        onLanguage.set(HttpHeaders.VARY, "Accept, Accept-Language");
        HttpHeaders onEverything = answer();
        onEverything.set(HttpHeaders.VARY, "*");

        assertThat(Cacheability.storable(HttpStatus.OK, onAccept, MAX)).isTrue();
        assertThat(Cacheability.storable(HttpStatus.OK, onLanguage, MAX)).isFalse();
        assertThat(Cacheability.storable(HttpStatus.OK, onEverything, MAX)).isFalse();
    }

    @Test
    void theRepresentationsHeadersAreKeptNotTheExchangesOwn() {
        HttpHeaders headers = answer();
        headers.set(HttpHeaders.CONTENT_LANGUAGE, "vi");
        headers.set(HttpHeaders.VARY, "Accept");
        headers.set(HttpHeaders.DATE, "Sun, 06 Dec 2026 10:00:00 GMT");
        headers.set("X-Request-Id", "the-first-callers");
        headers.set(HttpHeaders.CONNECTION, "keep-alive");
        headers.set("Keep-Alive", "timeout=60");
        headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        HttpHeaders kept = Cacheability.stored(headers);

        assertThat(kept.headerNames())
                .containsExactlyInAnyOrder("Content-Type", "ETag", "Cache-Control", "Content-Language", "Vary", "Date");
    }
}
