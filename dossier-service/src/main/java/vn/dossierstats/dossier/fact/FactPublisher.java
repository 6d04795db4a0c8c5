package vn.dossierstats.dossier.fact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dossierstats.dossier.ingest.DossierStore;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.observability.DossierMeters;
import vn.dossierstats.dossier.outbox.Outbox;
import vn.dossierstats.dossier.outbox.Topics;

/**
 * Publishes a dossier's new fact through the outbox when readers would count it differently from the last one, in
 * the caller's transaction, and notes when the dossier will turn overdue if nothing else happens first.
 *
 * <p>A batch decides its publications in memory ({@link #next}), one after the other per dossier, then writes them
 * all at once ({@link #write}) and counts them once committed ({@link #count}).
 */
@Component
public class FactPublisher {

    /** A new fact, the one it follows, and when to look again for the dossier turning overdue (or null). */
    public record Publication(DossierFact previous, DossierFact fact, Instant overdueCheckAt) {}

    private final Facts facts;
    private final Outbox outbox;
    private final DossierStore store;
    private final DossierMeters meters;

    FactPublisher(Facts facts, Outbox outbox, DossierStore store, DossierMeters meters) {
        this.facts = facts;
        this.outbox = outbox;
        this.store = store;
        this.meters = meters;
    }

    /** Publishes at once: one dossier's change (the overdue scheduler). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(DossierStore.Locked dossier, DossierFact.Cause cause, DossierState state, Instant acceptedAt) {
        next(dossier, cause, state, acceptedAt).ifPresent(publication -> {
            write(List.of(publication));
            count(List.of(publication));
        });
    }

    /**
     * The fact that follows the dossier's last one, or empty when readers would count the dossier as before. The
     * caller's copy of the row moves on with {@link DossierStore.Locked#after}.
     */
    public Optional<Publication> next(
            DossierStore.Locked dossier, DossierFact.Cause cause, DossierState state, Instant acceptedAt) {
        DossierFact fact = facts.fact(dossier.dossierId(), cause, state, dossier.factSequence() + 1, acceptedAt);
        if (fact.sameStateAs(dossier.lastFact())) {
            return Optional.empty();
        }
        boolean watch = state.status().isOpen() && state.pausedSince() == null && fact.overdueSince() == null;
        return Optional.of(new Publication(dossier.lastFact(), fact, watch ? state.dueAt() : null));
    }

    /** The outbox rows in the given order, and each dossier's row with its last fact. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<Publication> publications) {
        outbox.appendAll(
                Topics.DOSSIER_FACTS,
                publications.stream()
                        .map(p -> new Outbox.Entry(p.fact().dossierId(), p.fact()))
                        .toList());
        store.saveFacts(publications);
    }

    /** Counts what the facts say happened to their dossiers. */
    public void count(List<Publication> publications) {
        publications.forEach(p -> meters.factPublished(p.previous(), p.fact()));
    }
}
