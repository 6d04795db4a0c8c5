package vn.dossierstats.metrics.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a read of a prepared body: 200 with the bytes, or 304 without a body when the client's
 * {@code If-None-Match} names it; both with the {@code ETag} and {@code Cache-Control} (RFC 9110 section 15.4.5: a 304
 * carries the validator and caching rules the 200 would have).
 *
 * <p>{@code Cache-Control: public, max-age=N, must-revalidate}: public reads, the same for every client, so shared
 * caches (the gateway, a CDN) may keep them; {@code N} is how long a body may be reused without asking, and
 * {@code must-revalidate} forbids a cache to serve it beyond that even when it cannot reach the service (api.md: never
 * a stale figure presented as current).
 */
final class ConditionalGet {

    private final String cacheControl;

    ConditionalGet(Duration maxAge) {
        this.cacheControl = "public, max-age=" + Math.max(0, maxAge.toSeconds()) + ", must-revalidate";
    }

    ResponseEntity<byte[]> answer(PreparedBody body, String ifNoneMatch) {
        if (EntityTags.matches(ifNoneMatch, body.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, body.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, body.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .body(body.bytes());
    }

    String cacheControl() {
        return cacheControl;
    }
}
