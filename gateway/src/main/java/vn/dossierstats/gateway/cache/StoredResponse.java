package vn.dossierstats.gateway.cache;

import org.springframework.http.HttpHeaders;

/**
 * A service's 200, kept: its body, the headers of its representation ({@link Cacheability#stored}) and when the service
 * last vouched for it (its answer, or a 304 to a revalidation), on the cache's monotonic clock.
 *
 * <p>The body array is shared by every answer given from it and never modified (an array in a record: compared by
 * identity, which is what a stored answer needs).
 *
 * @param body the bytes as the service sent them
 * @param headers read-only
 * @param etag the strong entity tag, as the {@code ETag} header carries it
 * @param validatedAt nanoseconds on the cache's ticker
 */
record StoredResponse(byte[] body, HttpHeaders headers, String etag, long validatedAt) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static StoredResponse of(byte[] body, HttpHeaders headers, long now) {
        HttpHeaders kept = Cacheability.stored(headers);
        return new StoredResponse(body, HttpHeaders.readOnlyHttpHeaders(kept), kept.getETag(), now);
    }

    /** Within the TTL since the service last vouched for it: answered without asking. */
    boolean freshAt(long now, long ttlNanos) {
        return now - validatedAt < ttlNanos;
    }

    /**
     * After a 304 to the cache's {@code If-None-Match}: the same body, vouched for now, with the headers the 304
     * carries replacing the stored ones (RFC 9111 section 4.3.4), the entity tag kept.
     */
    StoredResponse revalidated(HttpHeaders notModified, long now) {
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(headers);
        Cacheability.stored(notModified).forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.ETAG)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                updated.put(name, values);
            }
        });
        return new StoredResponse(body, HttpHeaders.readOnlyHttpHeaders(updated), etag, now);
    }

    /** Whole seconds since the service vouched for it, as {@code Age} carries it. */
    long ageSeconds(long now) {
        return Math.max(0, (now - validatedAt) / NANOS_PER_SECOND);
    }

    /** Bytes it holds, roughly: body, header names and values. */
    int size() {
        int size = body.length;
        for (var header : headers.headerSet()) {
            size += header.getKey().length();
            for (String value : header.getValue()) {
                size += value.length();
            }
        }
        return size;
    }
}
