package vn.dossierstats.dossier.dvcqg;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What DVCQG pushes leave besides events: each dossier's latest snapshot and progress items, sources' own counts. */
@Repository
class DvcqgStore {

    /** A dossier as a source last pushed it; {@code snapshot} null while only progress items came. */
    record Pushed(Snapshot snapshot, List<ProgressItem> progress) {

        static final Pushed NONE = new Pushed(null, List.of());
    }

    /** A dossier whose status announces something its snapshot cannot date yet. */
    record Waiting(String source, String dossierCode, List<String> waitingFor) {}

    /** A source's own monthly counts for a unit, as it sent them. */
    record SourceCounts(String source, Map<String, String> counts, Instant receivedAt) {}

    private static final TypeReference<List<ProgressItem>> PROGRESS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DvcqgStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Pushed> pushed(String source, Collection<String> dossierCodes) {
        Map<String, Pushed> pushed = new HashMap<>();
        if (dossierCodes.isEmpty()) {
            return pushed;
        }
        jdbc.sql(
                        "select dossier_code, snapshot, progress from dvcqg_dossier where source = ? and dossier_code = any(?)")
                .params(source, dossierCodes.toArray(String[]::new))
                .query(rs -> {
                    String snapshot = rs.getString(2);
                    pushed.put(
                            rs.getString(1),
                            new Pushed(
                                    snapshot == null ? null : json.readValue(snapshot, Snapshot.class),
                                    json.readValue(rs.getString(3), PROGRESS)));
                });
        return pushed;
    }

    /** Whether any source pushed the dossier, and its last snapshot's status (null: none or unmapped). */
    Optional<Optional<Integer>> lookUp(String dossierCode) {
        List<Optional<Integer>> found = new ArrayList<>();
        jdbc.sql("select snapshot from dvcqg_dossier where dossier_code = ? order by updated_at desc limit 1")
                .param(dossierCode)
                .query(rs -> {
                    String snapshot = rs.getString(1);
                    found.add(Optional.ofNullable(
                            snapshot == null
                                    ? null
                                    : json.readValue(snapshot, Snapshot.class).status()));
                });
        return found.stream().findFirst();
    }

    void save(String source, String dossierCode, String unitCode, Pushed pushed, List<String> waitingFor, Instant at) {
        jdbc.sql("""
                        insert into dvcqg_dossier (source, dossier_code, unit_code, snapshot, progress, waiting_for, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (source, dossier_code) do update set unit_code = excluded.unit_code,
                            snapshot = excluded.snapshot, progress = excluded.progress,
                            waiting_for = excluded.waiting_for, updated_at = excluded.updated_at""")
                .params(
                        source,
                        dossierCode,
                        unitCode,
                        pushed.snapshot() == null ? null : json.writeValueAsString(pushed.snapshot()),
                        json.writeValueAsString(pushed.progress()),
                        waitingFor.toArray(String[]::new),
                        Timestamp.from(at))
                .update();
    }

    /** Dossiers of the units that wait for an instant, at most {@code limit}. */
    List<Waiting> waiting(Collection<String> unitCodes, int limit) {
        return jdbc.sql("""
                        select source, dossier_code, waiting_for from dvcqg_dossier
                        where unit_code = any(?) and cardinality(waiting_for) > 0
                        order by dossier_code limit ?""")
                .params(unitCodes.toArray(String[]::new), limit)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), List.of((String[])
                        rs.getArray(3).getArray())))
                .list();
    }

    /** What the dossier's status waits for, as the last push of each source that sent it left it (empty: nothing). */
    List<String> waitingFor(String dossierCode) {
        return jdbc.sql("""
                        select distinct field from dvcqg_dossier, unnest(waiting_for) as field
                        where dossier_code = ? order by field""").param(dossierCode).query(String.class).list();
    }

    void saveCounts(String source, String unitCode, String period, Map<String, String> counts, Instant at) {
        jdbc.sql("""
                        insert into dvcqg_statistics (source, unit_code, period, counts, received_at) values (?, ?, ?, ?, ?)
                        on conflict (source, unit_code, period) do update
                        set counts = excluded.counts, received_at = excluded.received_at""")
                .params(source, unitCode, period, json.writeValueAsString(counts), Timestamp.from(at))
                .update();
    }

    List<SourceCounts> counts(String unitCode, String period) {
        return jdbc.sql("""
                        select source, counts, received_at from dvcqg_statistics where unit_code = ? and period = ?
                        order by source""")
                .params(unitCode, period)
                .query((rs, n) -> new SourceCounts(
                        rs.getString(1),
                        json.readValue(rs.getString(2), COUNTS),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }
}
