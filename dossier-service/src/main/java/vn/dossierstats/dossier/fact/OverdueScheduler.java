package vn.dossierstats.dossier.fact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.ingest.DossierStore;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;

/**
 * Announces dossiers that pass their effective due instant while open, so statistics count them overdue at once,
 * without polling: a new fact with cause {@code OVERDUE}, through the outbox like every other.
 */
@Component
class OverdueScheduler {

    static final String OVERDUE = "OVERDUE";
    private static final Logger log = LoggerFactory.getLogger(OverdueScheduler.class);
    private static final int BATCH = 500;

    private final DossierStore store;
    private final Facts facts;
    private final FactPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OverdueScheduler(
            DossierStore store, Facts facts, FactPublisher publisher, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dossier.overdue-check-interval}")
    void announceOverdue() {
        try {
            Integer announced;
            do {
                announced = transaction.execute(status -> announceBatch(clock.instant()));
            } while (announced != null && announced == BATCH);
        } catch (RuntimeException e) {
            log.warn("Overdue check failed; it is retried: {}", e.toString());
        }
    }

    int announceBatch(Instant now) {
        List<String> due = store.lockOverdue(now, BATCH);
        for (String dossierId : due) {
            DossierStore.Locked dossier = store.lock(dossierId);
            Replay replay = facts.replay(store.events(dossierId));
            store.clearOverdueCheck(dossierId);
            if (replay.received()) {
                publisher.publish(
                        dossier,
                        new DossierFact.Cause(OVERDUE, null, replay.state().dueAt()),
                        replay.state(),
                        now);
            }
        }
        return due.size();
    }
}
