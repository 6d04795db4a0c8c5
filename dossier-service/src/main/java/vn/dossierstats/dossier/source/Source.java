package vn.dossierstats.dossier.source;

import java.time.Instant;
import java.util.List;

/**
 * A source system as administrators see it: no key material.
 *
 * @param id what dossier-service records as the source of its events (stable across key rotations)
 * @param keyId the public part of the current key, so an administrator can tell which key a system holds
 */
public record Source(
        String id,
        String name,
        List<String> scopes,
        String keyId,
        Instant createdAt,
        Instant rotatedAt,
        Instant revokedAt) {

    public Source {
        scopes = List.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
