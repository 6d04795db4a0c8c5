package vn.dossierstats.dossier.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A source key {@code <keyId>.<secret>}: the key id (public, lets the gateway find the entry without trying every
 * hash) and a secret of 32 random bytes, base64url. Only a per-key random salt and SHA-256(salt ‖ secret) are kept. A
 * single salted SHA-256 suffices because the secret carries 256 bits of randomness (no dictionary to try) and it keeps
 * verification at the gateway to microseconds on every write.
 *
 * @param keyId the public part
 * @param secret the secret, shown to the administrator once
 * @param salt random per key
 * @param hash SHA-256(salt ‖ secret as UTF-8)
 */
public record SourceKey(String keyId, String secret, byte[] salt, byte[] hash) {

    static final int SECRET_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh random key. */
    public static SourceKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[SECRET_BYTES];
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        RANDOM.nextBytes(salt);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new SourceKey(HexFormat.of().formatHex(id), secretText, salt, hash(salt, secretText));
    }

    /** What the source sends in {@code X-Api-Key}. */
    public String key() {
        return keyId + "." + secret;
    }

    static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code secret} is the secret of this salt and hash, in constant time. */
    public static boolean matches(byte[] salt, byte[] hash, String secret) {
        return MessageDigest.isEqual(hash, hash(salt, secret));
    }

    @Override
    public String toString() {
        return "SourceKey[" + keyId + ".***]"; // never the secret, not even in a log line by mistake
    }
}
