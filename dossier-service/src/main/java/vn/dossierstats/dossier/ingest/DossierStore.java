package vn.dossierstats.dossier.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/** The dossiers' rows and their event histories in PostgreSQL. */
@Repository
public class DossierStore {

    /** The dossier row, locked for the rest of the transaction. */
    public record Locked(String dossierId, long factSequence, DossierFact lastFact) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates the dossier row if needed and locks it: the events of one dossier apply one at a time. */
    public Locked lock(String dossierId) {
        jdbc.sql("insert into dossier (dossier_id) values (?) on conflict do nothing")
                .param(dossierId)
                .update();
        return jdbc.sql("select fact_sequence, last_fact from dossier where dossier_id = ? for update")
                .param(dossierId)
                .query((rs, n) -> new Locked(
                        dossierId,
                        rs.getLong(1),
                        rs.getString(2) == null ? null : json.readValue(rs.getString(2), DossierFact.class)))
                .single();
    }

    /** The stored body of an event with this identity, if any. */
    Optional<String> body(String source, String eventId) {
        return jdbc.sql("select body from dossier_event where source = ? and event_id = ?")
                .params(source, eventId)
                .query(String.class)
                .optional();
    }

    public List<DossierEvent> events(String dossierId) {
        return jdbc
                .sql("select body from dossier_event where dossier_id = ? and excluded is null")
                .param(dossierId)
                .query(String.class)
                .list()
                .stream()
                .map(body -> json.readValue(body, DossierEvent.class))
                .toList();
    }

    /** Takes a stored event out of its dossier's history for good, saying why. */
    void exclude(DossierEvent event, String reason) {
        jdbc.sql("update dossier_event set excluded = ? where source = ? and event_id = ?")
                .params(reason, event.source(), event.eventId())
                .update();
    }

    void insert(DossierEvent event, String body, Instant acceptedAt) {
        jdbc.sql("""
                        insert into dossier_event (source, event_id, dossier_id, type, occurred_at, body, accepted_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.source(),
                        event.eventId(),
                        event.dossierId(),
                        event.type().name(),
                        java.sql.Timestamp.from(event.occurredAt()),
                        body,
                        java.sql.Timestamp.from(acceptedAt))
                .update();
    }

    /** Stores the last published fact and when to look again for the dossier turning overdue (or null). */
    public void saveFact(DossierFact fact, Instant overdueCheckAt) {
        jdbc.sql("update dossier set fact_sequence = ?, last_fact = ?, overdue_check_at = ? where dossier_id = ?")
                .params(
                        fact.sequence(),
                        json.writeValueAsString(fact),
                        overdueCheckAt == null ? null : java.sql.Timestamp.from(overdueCheckAt),
                        fact.dossierId())
                .update();
    }

    /** Dossiers whose due instant has passed while open, locked; others working on them are skipped. */
    public List<String> lockOverdue(Instant now, int limit) {
        return jdbc.sql("""
                        select dossier_id from dossier where overdue_check_at < ?
                        order by overdue_check_at limit ? for update skip locked""")
                .params(java.sql.Timestamp.from(now), limit)
                .query(String.class)
                .list();
    }

    public void clearOverdueCheck(String dossierId) {
        jdbc.sql("update dossier set overdue_check_at = null where dossier_id = ?")
                .param(dossierId)
                .update();
    }
}
