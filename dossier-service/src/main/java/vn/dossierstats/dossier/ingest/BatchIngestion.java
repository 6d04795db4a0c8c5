package vn.dossierstats.dossier.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * A batch of events in one transaction, each event still accepted or rejected on its own: each applies under a
 * savepoint that a rejection rolls back to. One commit (one WAL flush) per batch instead of one per event is what
 * makes batches fast.
 *
 * <p>Dossier rows are locked in dossier id order (the batch's order within a dossier), so that two batches never
 * wait on each other in a cycle; should PostgreSQL still pick this transaction as a deadlock victim (two batches
 * racing on the same event ids), the whole batch runs again, which idempotency makes harmless.
 */
@Service
class BatchIngestion {

    /** The outcome of one event of a batch: its result, or the problem it was rejected with. */
    record Applied(IngestResult result, ApiProblem rejection) {}

    private static final int ATTEMPTS = 3;

    private final Ingestion ingestion;
    private final TransactionTemplate transaction;

    BatchIngestion(Ingestion ingestion, PlatformTransactionManager transactions) {
        this.ingestion = ingestion;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The outcome of each event, in the order given. */
    List<Applied> ingestAll(List<DossierEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> applyAll(events, status));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<Applied> applyAll(List<DossierEvent> events, TransactionStatus status) {
        List<Applied> outcomes = new ArrayList<>(java.util.Collections.nCopies(events.size(), null));
        IntStream.range(0, events.size())
                .boxed()
                .sorted(Comparator.comparing(i -> events.get(i).dossierId()))
                .forEach(i -> outcomes.set(i, applyOne(events.get(i), status)));
        return outcomes;
    }

    private Applied applyOne(DossierEvent event, TransactionStatus status) {
        try {
            return new Applied(inSavepoint(event, status), null);
        } catch (DuplicateKeyException e) {
            // another transaction committed the same (source, eventId) meanwhile: now it is a duplicate or a conflict
            try {
                return new Applied(inSavepoint(event, status), null);
            } catch (ApiProblem problem) {
                return new Applied(null, problem);
            }
        } catch (ApiProblem problem) {
            return new Applied(null, problem);
        }
    }

    private IngestResult inSavepoint(DossierEvent event, TransactionStatus status) {
        Object savepoint = status.createSavepoint();
        try {
            IngestResult result = ingestion.apply(event);
            status.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(savepoint);
            status.releaseSavepoint(savepoint);
            throw e;
        }
    }
}
