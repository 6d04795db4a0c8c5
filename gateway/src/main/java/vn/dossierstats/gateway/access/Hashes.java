package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of secrets, so that only hashes are kept and compared (in constant time). */
final class Hashes {

    /** Longer credentials are refused unhashed: nobody's real key is that long, and hashing costs. */
    static final int MAX_SECRET_LENGTH = 4096;

    private Hashes() {}

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant time for equal lengths; both sides are always SHA-256 digests here. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
