package vn.dossierstats.dossier.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher;
import vn.dossierstats.dossier.fact.FactPublisher.Publication;
import vn.dossierstats.dossier.fact.LastFact;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * The dossiers' rows and their event histories in PostgreSQL. A batch reads and writes set-based: one statement per
 * kind of row for the whole batch (arrays unnested by PostgreSQL), not one per event.
 */
@Repository
public class DossierStore {

    /** The rows of a batch's dossiers, locked; {@code created} are those this transaction inserted. */
    public record LockedRows(Map<String, LastFact> rows, Set<String> created) {}

    /** The identity of an event: idempotency is by (source, eventId). */
    public record EventKey(String source, String eventId) {

        public static EventKey of(DossierEvent event) {
            return new EventKey(event.source(), event.eventId());
        }
    }

    /** An accepted event to store, as sent (canonical JSON). */
    public record NewEvent(DossierEvent event, String body, Instant acceptedAt) {}

    /** A stored event to take out of its dossier's history, and why. */
    public record Exclusion(DossierEvent event, String reason) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Creates the missing rows and locks all of them, both in dossier id order: two transactions never wait on each
     * other in a cycle over the rows.
     */
    public LockedRows lockAll(Collection<String> dossierIds) {
        String[] ids = new TreeSet<>(dossierIds).toArray(String[]::new);
        List<String> created = jdbc.sql("""
                        insert into dossier (dossier_id) select id from unnest(cast(? as text[])) as u(id) order by id
                        on conflict do nothing returning dossier_id""").param(ids).query(String.class).list();
        Set<String> createdIds = Set.copyOf(created);
        Map<String, LastFact> rows = new HashMap<>();
        // a row this transaction inserted is invisible to others until it commits: it needs no lock of its own
        createdIds.forEach(id -> rows.put(id, LastFact.none(id)));
        String[] existing =
                Arrays.stream(ids).filter(id -> !createdIds.contains(id)).toArray(String[]::new);
        if (existing.length > 0) {
            jdbc.sql("""
                            select dossier_id, fact_sequence, last_fact from dossier where dossier_id = any(?)
                            order by dossier_id for update""")
                    .param(existing)
                    .query((rs, n) -> new LastFact(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3) == null ? null : json.readValue(rs.getString(3), DossierFact.class)))
                    .list()
                    .forEach(row -> rows.put(row.dossierId(), row));
        }
        if (rows.size() != ids.length) {
            throw new IllegalStateException("locked " + rows.size() + " of " + ids.length + " dossier rows");
        }
        return new LockedRows(rows, createdIds);
    }

    /** The stored bodies of those of the events whose identity is already taken, excluded ones included. */
    public Map<EventKey, String> bodies(Collection<DossierEvent> events) {
        String[] sources = events.stream().map(DossierEvent::source).toArray(String[]::new);
        String[] eventIds = events.stream().map(DossierEvent::eventId).toArray(String[]::new);
        Map<EventKey, String> bodies = new HashMap<>();
        jdbc.sql("""
                        select e.source, e.event_id, e.body
                        from unnest(cast(? as text[]), cast(? as text[])) as k(source, event_id)
                        join dossier_event e on e.source = k.source and e.event_id = k.event_id""").params(sources, eventIds).query(rs -> {
            bodies.put(new EventKey(rs.getString(1), rs.getString(2)), rs.getString(3));
        });
        return bodies;
    }

    public List<DossierEvent> events(String dossierId) {
        return histories(List.of(dossierId)).getOrDefault(dossierId, List.of());
    }

    /** The events that count (not excluded) of each dossier that has any, in no particular order. */
    public Map<String, List<DossierEvent>> histories(Collection<String> dossierIds) {
        Map<String, List<DossierEvent>> histories = new LinkedHashMap<>();
        if (dossierIds.isEmpty()) {
            return histories;
        }
        jdbc.sql("select dossier_id, body from dossier_event where dossier_id = any(?) and excluded is null")
                .param(dossierIds.toArray(String[]::new))
                .query(rs -> {
                    histories
                            .computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(json.readValue(rs.getString(2), DossierEvent.class));
                });
        return histories;
    }

    public void insert(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int size = events.size();
        String[] sources = new String[size];
        String[] eventIds = new String[size];
        String[] dossierIds = new String[size];
        String[] types = new String[size];
        String[] occurredAt = new String[size];
        String[] bodies = new String[size];
        String[] acceptedAt = new String[size];
        for (int i = 0; i < size; i++) {
            NewEvent e = events.get(i);
            sources[i] = e.event().source();
            eventIds[i] = e.event().eventId();
            dossierIds[i] = e.event().dossierId();
            types[i] = e.event().type().name();
            occurredAt[i] = e.event().occurredAt().toString();
            bodies[i] = e.body();
            acceptedAt[i] = e.acceptedAt().toString();
        }
        jdbc.sql("""
                        insert into dossier_event (source, event_id, dossier_id, type, occurred_at, body, accepted_at)
                        select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                             cast(? as timestamptz[]), cast(? as text[]), cast(? as timestamptz[]))""")
                .params(sources, eventIds, dossierIds, types, occurredAt, bodies, acceptedAt)
                .update();
    }

    /** Takes stored events out of their dossiers' histories for good, saying why. */
    public void exclude(List<Exclusion> exclusions) {
        if (exclusions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update dossier_event e set excluded = x.reason
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) as x(source, event_id, reason)
                        where e.source = x.source and e.event_id = x.event_id""")
                .params(
                        exclusions.stream().map(x -> x.event().source()).toArray(String[]::new),
                        exclusions.stream().map(x -> x.event().eventId()).toArray(String[]::new),
                        exclusions.stream().map(Exclusion::reason).toArray(String[]::new))
                .update();
    }

    /**
     * Stores each dossier's last published fact and when to look again for it turning overdue (or null).
     *
     * @param publications in publication order; of several for one dossier, the last counts
     */
    public void saveFacts(List<Publication> publications) {
        List<Publication> last = List.copyOf(FactPublisher.lastOfEachDossier(publications));
        if (last.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update dossier d set fact_sequence = u.sequence, last_fact = u.fact, overdue_check_at = u.check_at
                        from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as timestamptz[]))
                            as u(dossier_id, sequence, fact, check_at)
                        where d.dossier_id = u.dossier_id""")
                .params(
                        last.stream().map(p -> p.fact().dossierId()).toArray(String[]::new),
                        last.stream().map(p -> p.fact().sequence()).toArray(Long[]::new),
                        last.stream()
                                .map(p -> json.writeValueAsString(p.fact()))
                                .toArray(String[]::new),
                        last.stream()
                                .map(p -> p.overdueCheckAt() == null
                                        ? null
                                        : p.overdueCheckAt().toString())
                                .toArray(String[]::new))
                .update();
    }

    /** Deletes dossier rows this transaction created and nothing was accepted for: a rejection leaves no trace. */
    public void forget(Collection<String> createdDossierIds) {
        if (createdDossierIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from dossier where dossier_id = any(?)")
                .param(createdDossierIds.toArray(String[]::new))
                .update();
    }

    /**
     * Received dossiers whose receipt is before {@code to} and whose effective due instant is at or after
     * {@code from}: those whose computed due instant a calendar change of [from, to) may move. In dossier id order,
     * after {@code after}, at most {@code limit}.
     */
    public List<String> dueAcross(Instant from, Instant to, String after, int limit) {
        return jdbc.sql("""
                        select dossier_id from dossier
                        where last_fact is not null and dossier_id > ?
                          and cast(cast(last_fact as jsonb) ->> 'receivedAt' as timestamptz) < ?
                          and cast(cast(last_fact as jsonb) ->> 'dueAt' as timestamptz) >= ?
                        order by dossier_id limit ?""")
                .params(after, java.sql.Timestamp.from(to), java.sql.Timestamp.from(from), limit)
                .query(String.class)
                .list();
    }

    /** Received dossiers of a procedure received at or after {@code from}, in id order after {@code after}. */
    public List<String> receivedWith(String procedureCode, Instant from, String after, int limit) {
        return jdbc.sql("""
                        select dossier_id from dossier
                        where last_fact is not null and dossier_id > ?
                          and cast(last_fact as jsonb) ->> 'procedureCode' = ?
                          and cast(cast(last_fact as jsonb) ->> 'receivedAt' as timestamptz) >= ?
                        order by dossier_id limit ?""")
                .params(after, procedureCode, java.sql.Timestamp.from(from), limit)
                .query(String.class)
                .list();
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

    public void clearOverdueChecks(Collection<String> dossierIds) {
        if (dossierIds.isEmpty()) {
            return;
        }
        jdbc.sql("update dossier set overdue_check_at = null where dossier_id = any(?)")
                .param(dossierIds.toArray(String[]::new))
                .update();
    }
}
