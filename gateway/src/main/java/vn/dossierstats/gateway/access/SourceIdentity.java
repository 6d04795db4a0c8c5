package vn.dossierstats.gateway.access;

import java.util.List;

/**
 * The source system a key belongs to.
 *
 * @param id forwarded to dossier-service as {@code X-Source-Id}
 * @param scopes unit codes it may write for ({@code *} for all)
 */
public record SourceIdentity(String id, List<String> scopes) {

    public SourceIdentity {
        scopes = List.copyOf(scopes);
    }
}
