package vn.dossierstats.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dossier-service's source key feed as the stub serves it ({@code GET /internal/v1/source-keys?sinceVersion=}): tests
 * create, rotate and revoke managed sources here and watch the gateway follow.
 */
final class StubKeyFeed {

    private record Entry(String sourceId, String keyId, String salt, String hash, boolean revoked, long version) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long version;

    /** A new key for the source (created or rotated); @return the key {@code <keyId>.<secret>} */
    synchronized String issue(String sourceId) {
        byte[] id = random(8);
        byte[] salt = random(16);
        String keyId = HexFormat.of().formatHex(id);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        entries.put(sourceId, new Entry(sourceId, keyId, base64(salt), base64(hash(salt, secret)), false, ++version));
        return keyId + "." + secret;
    }

    synchronized void revoke(String sourceId) {
        entries.put(sourceId, new Entry(sourceId, "gone", null, null, true, ++version));
    }

    synchronized String answer(String query) {
        long since = 0;
        if (query != null && query.startsWith("sinceVersion=")) {
            since = Long.parseLong(query.substring("sinceVersion=".length()));
        }
        List<String> keys = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.version() > since) {
                keys.add(
                        e.revoked()
                                ? "{\"sourceId\":\"" + e.sourceId() + "\",\"keyId\":\"" + e.keyId()
                                        + "\",\"revoked\":true,\"salt\":null,\"hash\":null}"
                                : "{\"sourceId\":\"" + e.sourceId() + "\",\"keyId\":\"" + e.keyId()
                                        + "\",\"revoked\":false,\"salt\":\"" + e.salt() + "\",\"hash\":\"" + e.hash()
                                        + "\"}");
            }
        }
        return "{\"version\":" + version + ",\"keys\":[" + String.join(",", keys) + "]}";
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
