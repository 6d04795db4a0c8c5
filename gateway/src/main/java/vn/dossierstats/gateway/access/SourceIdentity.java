package vn.dossierstats.gateway.access;

import java.util.List;

/**
 * The source system a key belongs to.
 *
 * @param id forwarded to dossier-service as {@code X-Source-Id}
 * @param scopes {@code *} for a configured bootstrap source; empty for a managed one, whose scopes dossier-service
 *     keeps and checks (the gateway does not forward scopes)
 */
public record SourceIdentity(String id, List<String> scopes) {

    public SourceIdentity {
        scopes = List.copyOf(scopes);
    }
}
