package vn.dossierstats.dossier.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher;
import vn.dossierstats.dossier.fact.FactPublisher.Publication;
import vn.dossierstats.dossier.fact.LastFact;
import vn.dossierstats.dossier.history.DossierStore;
import vn.dossierstats.dossier.history.DossierStore.EventKey;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.observability.DossierMeters;

/**
 * Events in one transaction, set-based: the batch's dossier rows are created and locked, their stored events and the
 * identities already taken are read, each in one statement; then every event is accepted or rejected in memory, and
 * what the accepted ones change is written with one statement per table. A single event is a batch of one.
 *
 * <p>Within a dossier the events apply in the batch's order, each seeing those before it (a duplicate, a conflict, a
 * RESOLVED waiting for the RECEIVED after it); dossiers go in id order, as their rows are locked. A rejected event is
 * simply not written. Rows are locked in dossier id order, so two batches never wait on each other in a cycle; should
 * PostgreSQL still pick this transaction as a deadlock victim, or another transaction commit one of the batch's
 * (source, eventId) first (the key is taken when this one writes), the whole batch runs again, which idempotency
 * makes harmless: the rerun sees the other's event as a duplicate or a conflict.
 */
@Service
class BatchIngestion {

    /** The outcome of one event of a batch: its result, or the problem it was rejected with. */
    record Applied(IngestResult result, EventRefused rejection) {}

    private static final int ATTEMPTS = 3;

    private final DossierStore store;
    private final Admission admission;
    private final FactPublisher publisher;
    private final DossierMeters meters;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    BatchIngestion(
            DossierStore store,
            Admission admission,
            FactPublisher publisher,
            DossierMeters meters,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.admission = admission;
        this.publisher = publisher;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The outcome of each event, in the order given; the facts they cause belong to the current trace. */
    List<Applied> ingestAll(List<DossierEvent> events) {
        return ingestAll(events, null);
    }

    /**
     * @param traceParents the trace of each event's request (null entries, or no list: the current span's): single
     *     events committed together come from different requests
     */
    List<Applied> ingestAll(List<DossierEvent> events, List<String> traceParents) {
        return ingestAll(events, traceParents, false);
    }

    /**
     * Like {@link #ingestAll(List)}, but each dossier's events apply all together or not at all: when one of a
     * dossier's events is refused, none of that dossier's is kept (those not refused themselves are answered with the
     * refusal that stopped them), and the other dossiers' events apply. For a source that sends a dossier's state, of
     * which nothing may be half-applied (dvcqg).
     */
    List<Applied> ingestWholeDossiers(List<DossierEvent> events) {
        return ingestAll(events, null, true);
    }

    private List<Applied> ingestAll(List<DossierEvent> events, List<String> traceParents, boolean wholeDossiers) {
        for (int attempt = 1; ; attempt++) {
            try {
                Batch batch = transaction.execute(status -> apply(events, traceParents, wholeDossiers));
                // counted once committed: a batch that runs again is counted once
                batch.count();
                return Arrays.asList(batch.outcomes);
            } catch (PessimisticLockingFailureException | DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Batch apply(List<DossierEvent> events, List<String> traceParents, boolean wholeDossiers) {
        Set<String> dossierIds = new HashSet<>();
        events.forEach(event -> dossierIds.add(event.dossierId()));
        DossierStore.LockedRows locked = store.lockAll(dossierIds);
        Set<String> existing = new HashSet<>(dossierIds);
        existing.removeAll(locked.created()); // a dossier created now has no events yet
        Map<EventKey, String> bodies = store.bodies(events);
        Map<String, List<DossierEvent>> histories = store.histories(existing);
        Batch batch = decide(events, traceParents, locked, bodies, histories, Set.of());
        if (wholeDossiers) {
            // decisions are made in memory before anything is written: deciding again without the refused dossiers
            // leaves no trace of them, and the others decide exactly as before (dossiers do not see each other)
            Map<String, EventRefused> refused = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                if (batch.outcomes[i].rejection() != null) {
                    refused.putIfAbsent(events.get(i).dossierId(), batch.outcomes[i].rejection());
                }
            }
            if (!refused.isEmpty()) {
                Applied[] first = batch.outcomes;
                batch = decide(events, traceParents, locked, bodies, histories, refused.keySet());
                for (int i = 0; i < events.size(); i++) {
                    EventRefused stop = refused.get(events.get(i).dossierId());
                    if (stop != null) {
                        batch.outcomes[i] = first[i].rejection() != null ? first[i] : new Applied(null, stop);
                    }
                }
            }
        }

        store.insert(batch.stored);
        store.exclude(batch.exclusions);
        publisher.write(batch.publications);
        store.saveFacts(batch.publications);
        Set<String> unused = new HashSet<>(locked.created());
        batch.stored.forEach(stored -> unused.remove(stored.event().dossierId()));
        store.forget(unused);
        return batch;
    }

    private Batch decide(
            List<DossierEvent> events,
            List<String> traceParents,
            DossierStore.LockedRows locked,
            Map<EventKey, String> bodies,
            Map<String, List<DossierEvent>> histories,
            Set<String> skipped) {
        Batch batch = new Batch(events.size(), locked.rows(), new HashMap<>(bodies), histories);
        IntStream.range(0, events.size())
                .boxed()
                .filter(i -> !skipped.contains(events.get(i).dossierId()))
                .sorted(Comparator.comparing(i -> events.get(i).dossierId()))
                .forEach(i -> batch.outcomes[i] =
                        batch.apply(events.get(i), traceParents == null ? null : traceParents.get(i)));
        return batch;
    }

    /** The batch as it is decided, and what it will write. */
    private final class Batch {

        final Applied[] outcomes;
        final Map<String, LastFact> rows;
        final Map<EventKey, String> bodies;
        final Map<String, List<DossierEvent>> histories;
        final List<DossierStore.NewEvent> stored = new ArrayList<>();
        final List<DossierStore.Exclusion> exclusions = new ArrayList<>();
        final List<Publication> publications = new ArrayList<>();
        final List<DossierEvent> duplicates = new ArrayList<>();

        Batch(
                int size,
                Map<String, LastFact> rows,
                Map<EventKey, String> bodies,
                Map<String, List<DossierEvent>> histories) {
            this.outcomes = new Applied[size];
            this.rows = new HashMap<>(rows);
            this.bodies = bodies;
            this.histories = new HashMap<>(histories);
        }

        /**
         * A body stored by an earlier version lacks the fields added since (electronicResult): the same event sent
         * again is compared as that version's body read and written anew, so it stays a duplicate, not a conflict.
         */
        Applied apply(DossierEvent event, String traceParent) {
            String body = json.writeValueAsString(event);
            EventKey key = EventKey.of(event);
            String known = bodies.get(key);
            if (known != null) {
                if (!known.equals(body)
                        && !json.writeValueAsString(json.readValue(known, DossierEvent.class))
                                .equals(body)) {
                    return rejected(new EventRefused(
                            EventRefused.Reason.CONFLICT,
                            "event " + event.eventId()
                                    + " was already received from this source with different content"));
                }
                duplicates.add(event);
                return new Applied(new IngestResult(event.eventId(), IngestResult.Status.DUPLICATE), null);
            }
            Admission.Admitted admitted;
            try {
                admitted = admission.admit(event, histories.getOrDefault(event.dossierId(), List.of()));
            } catch (EventRefused refused) {
                return rejected(refused);
            }
            Instant acceptedAt = clock.instant();
            stored.add(new DossierStore.NewEvent(event, body, acceptedAt));
            bodies.put(key, body);
            exclusions.addAll(admitted.exclusions());
            histories.put(event.dossierId(), admitted.history());
            if (admitted.after().received()) {
                LastFact row = rows.get(event.dossierId());
                publisher
                        .next(
                                row,
                                new DossierFact.Cause(event.type().name(), event.eventId(), event.occurredAt()),
                                admitted.after().state(),
                                acceptedAt,
                                traceParent)
                        .ifPresent(publication -> {
                            publications.add(publication);
                            rows.put(event.dossierId(), row.after(publication.fact()));
                        });
            }
            return new Applied(new IngestResult(event.eventId(), IngestResult.Status.ACCEPTED), null);
        }

        private static Applied rejected(EventRefused refused) {
            return new Applied(null, refused);
        }

        void count() {
            stored.forEach(s ->
                    meters.event(s.event().type().name(), "accepted", s.event().source()));
            duplicates.forEach(event -> meters.event(event.type().name(), "duplicate", event.source()));
            meters.factsPublished(publications);
        }
    }
}
