package vn.dossierstats.dossier.history;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher.Publication;
import vn.dossierstats.dossier.observability.DossierMeters;

/**
 * Announces dossiers that pass their due instant while open, so statistics count them overdue at once, without
 * polling: a new fact with cause {@code OVERDUE}, through the outbox like every other.
 */
@Component
class OverdueScheduler {

    static final String OVERDUE = "OVERDUE";
    private static final Logger log = LoggerFactory.getLogger(OverdueScheduler.class);
    private static final int BATCH = 500;

    private final DossierStore store;
    private final Rejudging rejudging;
    private final DossierMeters meters;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OverdueScheduler(
            DossierStore store,
            Rejudging rejudging,
            DossierMeters meters,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.rejudging = rejudging;
        this.meters = meters;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dossier.overdue-check-interval}")
    void announceOverdue() {
        try {
            int announced;
            do {
                announced = announceBatch(clock.instant());
            } while (announced == BATCH);
        } catch (RuntimeException e) {
            log.warn("Overdue check failed; it is retried: {}", e.toString());
        }
    }

    /** @return how many dossiers were due for a look */
    int announceBatch(Instant now) {
        record Batch(int size, List<Publication> publications) {}
        Batch batch = transaction.execute(status -> {
            List<String> due = store.lockOverdue(now, BATCH);
            store.clearOverdueChecks(due);
            return new Batch(
                    due.size(),
                    rejudging.rejudge(due, state -> new DossierFact.Cause(OVERDUE, null, state.overdueFrom()), now));
        });
        meters.factsPublished(batch.publications());
        return batch.size();
    }
}
