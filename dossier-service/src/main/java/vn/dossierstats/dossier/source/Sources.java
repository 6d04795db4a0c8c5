package vn.dossierstats.dossier.source;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The source systems and their key hashes in PostgreSQL (dossier-service is their system of record). */
@Repository
public class Sources {

    /** A source with the key just made for it: the only moment the key exists in clear. */
    public record WithKey(Source source, SourceKey key) {}

    /** What a gateway needs to check a key; no scopes, no names. A revoked source has no key material. */
    public record KeyEntry(String sourceId, String keyId, byte[] salt, byte[] hash, boolean revoked) {}

    /** The changes after a version, and the version they bring the reader to. */
    public record KeyChanges(long version, List<KeyEntry> entries) {}

    private static final String COLUMNS = "id, name, scopes, key_id, created_at, rotated_at, revoked_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Sources(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public WithKey create(String name, List<String> scopes) {
        long version = nextVersion();
        String id = "src-" + HexFormat.of().formatHex(randomBytes(8));
        SourceKey key = SourceKey.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into source (id, name, scopes, key_id, key_salt, key_hash, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        name,
                        scopes.toArray(String[]::new),
                        key.keyId(),
                        key.salt(),
                        key.hash(),
                        Timestamp.from(now),
                        version)
                .update();
        return new WithKey(find(id).orElseThrow(), key);
    }

    public List<Source> list() {
        return jdbc.sql("select " + COLUMNS + " from source order by created_at, id")
                .query(Sources::row)
                .list();
    }

    public Optional<Source> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from source where id = ?")
                .param(id)
                .query(Sources::row)
                .optional();
    }

    /** A new key for a source that is not revoked; the old one stops working. Empty if there is no such source. */
    @Transactional
    public Optional<WithKey> rotate(String id) {
        long version = nextVersion();
        SourceKey key = SourceKey.generate();
        int updated = jdbc.sql("""
                        update source set key_id = ?, key_salt = ?, key_hash = ?, rotated_at = ?, version = ?
                        where id = ? and revoked_at is null""")
                .params(key.keyId(), key.salt(), key.hash(), Timestamp.from(clock.instant()), version, id)
                .update();
        return updated == 0 ? Optional.empty() : Optional.of(new WithKey(find(id).orElseThrow(), key));
    }

    /**
     * Revokes a source for good: its key stops working and its events are refused. The key material is overwritten
     * so nothing could ever match it again. Revoking twice is harmless.
     *
     * @return false if there is no such source
     */
    @Transactional
    public boolean revoke(String id) {
        long version = nextVersion();
        jdbc.sql("""
                        update source set revoked_at = ?, key_salt = ?, key_hash = ?, version = ?
                        where id = ? and revoked_at is null""")
                .params(Timestamp.from(clock.instant()), new byte[0], new byte[0], version, id)
                .update();
        return find(id).isPresent();
    }

    /**
     * Every entry changed after {@code sinceVersion} (0: all), for the gateways' key directories, and the version to
     * ask from next time. Writers are serialised ({@link #nextVersion}), so what a reader sees is always every change
     * up to some version: nothing later can appear below it.
     */
    public KeyChanges keysSince(long sinceVersion) {
        record Row(KeyEntry entry, long version) {}
        List<Row> rows = jdbc.sql("""
                        select id, key_id, key_salt, key_hash, revoked_at is not null, version from source
                        where version > ? order by version""")
                .param(sinceVersion)
                .query((rs, n) -> new Row(
                        new KeyEntry(
                                rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBoolean(5)),
                        rs.getLong(6)))
                .list();
        long version = rows.isEmpty() ? sinceVersion : rows.getLast().version();
        return new KeyChanges(version, rows.stream().map(Row::entry).toList());
    }

    /**
     * The next version, with the table locked against other writers until commit: versions then become visible in
     * the order they were taken, so a reader polling "after version v" never skips a change that commits late. Reads
     * are not blocked (SHARE ROW EXCLUSIVE conflicts only with writers).
     */
    private long nextVersion() {
        jdbc.sql("lock table source in share row exclusive mode").update();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from source")
                .query(Long.class)
                .single();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Source row(ResultSet rs, int n) throws SQLException {
        return new Source(
                rs.getString(1),
                rs.getString(2),
                strings(rs.getArray(3)),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
