package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key directory of the sources managed in dossier-service: key id → (source, salt, SHA-256(salt ‖ secret)), kept
 * current by {@link SourceKeyFeed}. A key is {@code <keyId>.<secret>}; the key id finds the entry, the salted hash
 * decides. An unknown key id costs the same hash and comparison as a known one, so timing does not tell which key ids
 * exist. If the directory has not been refreshed for {@code maxStaleness}, no managed key is admitted: a revocation
 * must never be missed because dossier-service could not be asked.
 */
final class ManagedSources implements SourceDirectory {

    /** One source's current key, as dossier-service announces it; a revoked source has no key. */
    record KeyEntry(String sourceId, String keyId, byte[] salt, byte[] hash, boolean revoked) {}

    private record Entry(String sourceId, byte[] salt, byte[] hash) {}

    private static final Entry NOBODY = new Entry(null, new byte[16], new byte[32]);

    private final Clock clock;
    private final Duration maxStaleness;
    private final Object writeLock = new Object();
    /** Replaced whole on each change: lookups read one consistent map without locking. */
    private volatile Map<String, Entry> byKeyId = Map.of();

    private Map<String, String> keyIdBySource = new HashMap<>();
    private volatile long version;
    private volatile Instant refreshedAt = Instant.MIN;

    ManagedSources(Clock clock, Duration maxStaleness) {
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    /** The version to ask dossier-service for changes after. */
    long version() {
        return version;
    }

    /** Applies the changes after {@link #version()}; an empty list still proves the directory current. */
    void apply(long newVersion, List<KeyEntry> changes) {
        synchronized (writeLock) {
            if (!changes.isEmpty()) {
                Map<String, Entry> next = new HashMap<>(byKeyId);
                Map<String, String> sources = new HashMap<>(keyIdBySource);
                for (KeyEntry change : changes) {
                    String previous = sources.remove(change.sourceId());
                    if (previous != null) {
                        next.remove(previous); // a rotated or revoked key stops here
                    }
                    if (!change.revoked()) {
                        next.put(change.keyId(), new Entry(change.sourceId(), change.salt(), change.hash()));
                        sources.put(change.sourceId(), change.keyId());
                    }
                }
                byKeyId = Map.copyOf(next);
                keyIdBySource = sources;
            }
            version = Math.max(version, newVersion);
            refreshedAt = clock.instant();
        }
    }

    boolean fresh() {
        return !refreshedAt.plus(maxStaleness).isBefore(clock.instant());
    }

    @Override
    public boolean current() {
        return fresh();
    }

    int size() {
        return byKeyId.size();
    }

    @Override
    public Optional<SourceIdentity> authenticate(String key) {
        if (key == null || key.length() > Hashes.MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        int dot = key.indexOf('.');
        String keyId = dot > 0 ? key.substring(0, dot) : "";
        String secret = dot > 0 ? key.substring(dot + 1) : key;
        Entry entry = byKeyId.getOrDefault(keyId, NOBODY);
        boolean same = MessageDigest.isEqual(entry.hash(), saltedHash(entry.salt(), secret));
        if (!same || entry.sourceId() == null || dot <= 0 || !fresh()) {
            return Optional.empty();
        }
        // dossier-service knows the scopes and checks them; the gateway only vouches for the identity
        return Optional.of(new SourceIdentity(entry.sourceId(), List.of()));
    }

    static byte[] saltedHash(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
