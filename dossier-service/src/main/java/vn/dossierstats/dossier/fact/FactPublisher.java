package vn.dossierstats.dossier.fact;

import java.time.Instant;
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
 */
@Component
public class FactPublisher {

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

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(DossierStore.Locked dossier, DossierFact.Cause cause, DossierState state, Instant acceptedAt) {
        DossierFact fact = facts.fact(dossier.dossierId(), cause, state, dossier.factSequence() + 1, acceptedAt);
        if (fact.sameStateAs(dossier.lastFact())) {
            return;
        }
        outbox.append(Topics.DOSSIER_FACTS, fact.dossierId(), fact);
        meters.factPublished(dossier.lastFact(), fact);
        boolean watch = state.status().isOpen() && state.pausedSince() == null && fact.overdueSince() == null;
        store.saveFact(fact, watch ? state.dueAt() : null);
    }
}
