package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.dossierstats.gateway.GatewayProperties.Source;

/** Finds the source system a key belongs to, comparing hashes in constant time; keys themselves are never kept. */
public final class SourceKeys {

    private record Entry(String sourceId, byte[] hash) {}

    private final List<Entry> entries;

    public SourceKeys(List<Source> sources) {
        this.entries = sources.stream()
                .map(s -> new Entry(
                        s.id(), s.keySha256() != null ? HexFormat.of().parseHex(s.keySha256()) : sha256(s.key())))
                .toList();
    }

    /** The source id of {@code key}, or empty: which is all a caller learns, whether the key is unknown or wrong. */
    public Optional<String> sourceOf(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        byte[] hash = sha256(key);
        String found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.sourceId();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a source needs key-sha256 (or key in development)");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
