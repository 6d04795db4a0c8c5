package vn.dossierstats.gateway.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.dossierstats.gateway.GatewayProperties.Source;

/**
 * Bootstrap source systems from configuration ({@code gateway.sources}), e.g. the development key or an operator's
 * key for all units. Keys are kept only as SHA-256 hashes; a lookup compares against every entry in constant time, so
 * timing tells nothing about which keys exist. Their scope is always {@code *}: dossier-service checks scopes and knows
 * only those of the sources managed through {@code /api/v1/sources}, treating every other source id as {@code *}. A
 * configured source with other scopes would be silently wider than configured, so it stops the gateway instead.
 */
final class ConfiguredSources implements SourceDirectory {

    /** The ids dossier-service gives the sources it manages ({@code src-<hex>}). */
    static final String MANAGED_PREFIX = "src-";

    private record Entry(SourceIdentity identity, byte[] hash) {}

    private final List<Entry> entries;

    ConfiguredSources(List<Source> sources) {
        List<Entry> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Source source : sources) {
            if (source.id() == null || source.id().isBlank()) {
                throw new IllegalArgumentException("gateway.sources: every source needs an id");
            }
            if (source.id().startsWith(MANAGED_PREFIX)) {
                // dossier-service would take such an id for a managed source and apply that source's scopes
                throw new IllegalArgumentException("gateway.sources: source id " + source.id() + " starts with "
                        + MANAGED_PREFIX + ", which is reserved for sources managed through /api/v1/sources");
            }
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException("gateway.sources: source id " + source.id() + " appears twice");
            }
            if (!source.scopes().isEmpty() && !source.scopes().equals(List.of("*"))) {
                throw new IllegalArgumentException("gateway.sources: source " + source.id()
                        + " may only have scope \"*\"; create sources for some units through POST /api/v1/sources");
            }
            byte[] hash = hashOf(source);
            if (!hashes.add(HexFormat.of().formatHex(hash))) {
                throw new IllegalArgumentException("gateway.sources: source " + source.id() + " reuses another's key");
            }
            list.add(new Entry(new SourceIdentity(source.id(), List.of("*")), hash));
        }
        this.entries = List.copyOf(list);
    }

    private static byte[] hashOf(Source source) {
        boolean hasHash = source.keyHash() != null && !source.keyHash().isBlank();
        boolean hasKey = source.key() != null && !source.key().isBlank();
        if (hasHash == hasKey) {
            throw new IllegalArgumentException(
                    "gateway.sources: source " + source.id() + " needs exactly one of key-hash or key");
        }
        if (hasKey) {
            return Hashes.sha256(source.key());
        }
        String hex = source.keyHash().trim();
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "gateway.sources: key-hash of source " + source.id() + " must be 64 hex digits (SHA-256)");
        }
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public Optional<SourceIdentity> authenticate(String key) {
        if (key == null || key.isEmpty() || key.length() > Hashes.MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = Hashes.sha256(key);
        SourceIdentity found = null;
        for (Entry entry : entries) { // no early exit: every lookup costs the same
            if (Hashes.same(entry.hash(), hash)) {
                found = entry.identity();
            }
        }
        return Optional.ofNullable(found);
    }
}
