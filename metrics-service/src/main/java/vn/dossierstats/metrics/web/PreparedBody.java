package vn.dossierstats.metrics.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A response body serialised once and then served as bytes, with its strong entity tag: the first 128 bits of the
 * SHA-256 of the bytes. Derived from the bytes themselves, the tag is the same for the same body on every instance and
 * after every restart (no counter that a restart could reuse for other content), and changes with any byte of it.
 *
 * @param bytes never modified once prepared
 * @param etag quoted, as the {@code ETag} header carries it
 */
record PreparedBody(byte[] bytes, String etag) {

    static PreparedBody of(byte[] bytes) {
        return new PreparedBody(bytes, "\"" + hash(bytes) + "\"");
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
