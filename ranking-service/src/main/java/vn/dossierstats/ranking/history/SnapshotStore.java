package vn.dossierstats.ranking.history;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Leaderboard;

/** The leaderboard_snapshot table (V1__leaderboard_snapshots.sql): written in batches, read by key and instant. */
@Repository
public class SnapshotStore {

    /** A row: the content is the leaderboard's JSON without the read instant. */
    record Row(String key, Instant takenAt, byte[] sha256, String content) {}

    /** A stored leaderboard and the instant it was recorded at. */
    public record Snapshot(Leaderboard board, Instant takenAt) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ZoneId zone;

    SnapshotStore(JdbcTemplate jdbc, JsonMapper json, RankingProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = properties.timeZone();
    }

    /** The leaderboard as it stood at {@code asOf}: the latest snapshot of the key taken at or before it. */
    public Optional<Snapshot> at(String key, Instant asOf) {
        List<Snapshot> found = jdbc.query(
                "select content, taken_at from leaderboard_snapshot where board_key = ? and taken_at <= ?"
                        + " order by taken_at desc limit 1",
                (rs, n) -> new Snapshot(
                        json.readValue(rs.getString(1), Leaderboard.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()),
                key,
                utc(asOf));
        return found.stream().findFirst();
    }

    String serialize(Leaderboard board) {
        return json.writeValueAsString(board);
    }

    void insert(List<Row> rows) {
        jdbc.batchUpdate(
                "insert into leaderboard_snapshot (board_key, taken_at, content_sha256, content) values (?, ?, ?, ?)"
                        + " on conflict (board_key, taken_at) do update"
                        + " set content_sha256 = excluded.content_sha256, content = excluded.content",
                rows,
                500,
                (PreparedStatement ps, Row row) -> {
                    ps.setString(1, row.key());
                    ps.setObject(2, utc(row.takenAt()));
                    ps.setBytes(3, row.sha256());
                    ps.setString(4, row.content());
                });
    }

    /** The digest of the latest stored content of each of {@code keys} that has one. */
    Map<String, byte[]> latestDigests(Collection<String> keys) {
        Map<String, byte[]> digests = new HashMap<>();
        List<String> all = List.copyOf(keys);
        // in chunks: after a restart every leaderboard is reported at once
        for (int i = 0; i < all.size(); i += 1000) {
            latestDigests(all.subList(i, Math.min(all.size(), i + 1000)), digests);
        }
        return digests;
    }

    private void latestDigests(List<String> keys, Map<String, byte[]> digests) {
        jdbc.query(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(
                            "select distinct on (board_key) board_key, content_sha256 from leaderboard_snapshot"
                                    + " where board_key = any(?) order by board_key, taken_at desc");
                    Array array = connection.createArrayOf("text", keys.toArray());
                    ps.setArray(1, array);
                    return ps;
                },
                rs -> {
                    digests.put(rs.getString(1), rs.getBytes(2));
                });
    }

    /**
     * Keeps, of the snapshots taken before {@code cutoff}, only the last of each key and local day: "as it stood at
     * the end of a day" (hence of every period) stays exact, finer history ages out. Returns the rows deleted.
     */
    int thin(Instant cutoff) {
        return thin(Instant.EPOCH, cutoff);
    }

    /** As {@link #thin(Instant)}, visiting only the snapshots taken from {@code from} on. */
    int thin(Instant from, Instant cutoff) {
        String tz = zone.getId();
        return jdbc.update(
                "delete from leaderboard_snapshot s where s.taken_at >= ? and s.taken_at < ? and exists ("
                        + " select 1 from leaderboard_snapshot n where n.board_key = s.board_key"
                        + " and n.taken_at > s.taken_at"
                        + " and n.taken_at < (date_trunc('day', s.taken_at at time zone ?) + interval '1 day')"
                        + " at time zone ?)",
                utc(from),
                utc(cutoff),
                tz,
                tz);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
