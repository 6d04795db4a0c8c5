package vn.dossierstats.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code session} of the DVCQG login: the source key and an expiry, sealed with AES-GCM under the gateway's
 * secret. Stateless (any gateway instance with the same secret opens it), and it dies with its key: opening a session
 * gives back the key, which is authenticated again like any {@code X-Api-Key}, so a revoked or rotated key ends its
 * sessions at once.
 */
final class DvcqgSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A key is at most a few hundred characters: anything longer is not a session. */
    private static final int MAX_SESSION_LENGTH = 2048;

    private final SecretKeySpec secret;
    private final Clock clock;
    private final Duration ttl;

    DvcqgSessions(String secret, Duration ttl, Clock clock) {
        byte[] key = new byte[32];
        if (secret == null || secret.isBlank()) {
            RANDOM.nextBytes(key);
        } else {
            key = sha256(secret);
        }
        this.secret = new SecretKeySpec(key, "AES");
        this.ttl = ttl;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    /** A session for the key, valid for the configured time. */
    String open(String sourceKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] plain = (clock.instant().plus(ttl).getEpochSecond() + "\n" + sourceKey).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES/GCM", e);
        }
    }

    /** The key a session holds, if it is one of ours and has not expired. */
    Optional<String> keyOf(String session) {
        if (session == null || session.isEmpty() || session.length() > MAX_SESSION_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(session);
            if (raw.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            String plain = new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            long expires = Long.parseLong(plain.substring(0, newline));
            if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
                return Optional.empty();
            }
            return Optional.of(plain.substring(newline + 1));
        } catch (IllegalArgumentException | GeneralSecurityException | IndexOutOfBoundsException e) {
            return Optional.empty(); // not base64, tampered, sealed under another secret: not a session
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
