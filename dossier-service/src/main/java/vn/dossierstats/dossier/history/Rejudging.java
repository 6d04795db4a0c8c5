package vn.dossierstats.dossier.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.catalogue.ProcedureChanged;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher;
import vn.dossierstats.dossier.fact.FactPublisher.Publication;
import vn.dossierstats.dossier.fact.LastFact;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.observability.DossierMeters;

/**
 * Judges stored dossiers again and publishes each one whose figures changed: when time passes a due instant (the
 * overdue scheduler), when the calendar changes under computed due instants, and when a procedure's processing rule
 * changes for receipts already held. Ingestion judges on its own path, with
 * the same {@link DossierHistory}.
 */
@Service
public class Rejudging {

    static final String CALENDAR_CHANGED = "CALENDAR_CHANGED";
    static final String PROCEDURE_CHANGED = "PROCEDURE_CHANGED";
    private static final int BATCH = 500;

    private final DossierStore store;
    private final DossierHistory history;
    private final FactPublisher publisher;
    private final DossierMeters meters;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Rejudging(
            DossierStore store,
            DossierHistory history,
            FactPublisher publisher,
            DossierMeters meters,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.history = history;
        this.publisher = publisher;
        this.meters = meters;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * After a change of the working calendar over [from, to): every dossier whose computed due instant it may move is
     * judged again at once and published when its figures changed (cause {@code CALENDAR_CHANGED}). A due instant the
     * source sent is authoritative and does not move.
     *
     * @return how many dossiers were published again
     */
    public int calendarChanged(Instant from, Instant to) {
        return rejudgeAll((after, limit) -> store.dueAcross(from, to, after, limit), CALENDAR_CHANGED);
    }

    /** A procedure's processing rule changed for receipts from some instant on: those dossiers are judged again. */
    @EventListener
    public void procedureChanged(ProcedureChanged change) {
        rejudgeAll(
                (after, limit) -> store.receivedWith(change.procedureCode(), change.receivedFrom(), after, limit),
                PROCEDURE_CHANGED);
    }

    /** Pages through the dossiers {@code page} selects, each page judged again in a transaction of its own. */
    private int rejudgeAll(BiFunction<String, Integer, List<String>> page, String causeType) {
        record Page(List<String> ids, List<Publication> publications) {}
        int published = 0;
        String after = "";
        while (true) {
            String cursor = after;
            Instant now = clock.instant();
            Page done = transaction.execute(status -> {
                List<String> ids = page.apply(cursor, BATCH);
                return new Page(ids, rejudge(ids, state -> new DossierFact.Cause(causeType, null, now), now));
            });
            meters.factsPublished(done.publications());
            published += done.publications().size();
            if (done.ids().size() < BATCH) {
                return published;
            }
            after = done.ids().getLast();
        }
    }

    /**
     * Locks the dossiers, judges their stored events and writes the facts that changed, in the caller's transaction.
     *
     * @return the publications, to count once committed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Publication> rejudge(
            Collection<String> dossierIds, Function<DossierState, DossierFact.Cause> cause, Instant now) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        DossierStore.LockedRows locked = store.lockAll(dossierIds);
        var histories = store.histories(dossierIds);
        List<Publication> publications = new ArrayList<>();
        for (String dossierId : dossierIds) {
            Replay replay = history.replay(histories.getOrDefault(dossierId, List.of()));
            LastFact last = locked.rows().get(dossierId);
            if (replay.received()) {
                publisher
                        .next(last, cause.apply(replay.state()), replay.state(), now, null)
                        .ifPresent(publications::add);
            }
        }
        publisher.write(publications);
        store.saveFacts(publications);
        store.forget(locked.created());
        return publications;
    }
}
