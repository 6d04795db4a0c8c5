package vn.dossierstats.dossier.ingest;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * Applies one event: idempotency by (source, eventId), judging, and the fact for the outbox, all in one
 * transaction with the dossier row locked. It is a batch of one, so that one implementation holds the rules.
 */
@Service
public class Ingestion {

    private final BatchIngestion batches;

    Ingestion(BatchIngestion batches) {
        this.batches = batches;
    }

    /** @throws EventRefused when the event is refused */
    public IngestResult ingest(DossierEvent event) {
        BatchIngestion.Applied applied = batches.ingestAll(List.of(event)).getFirst();
        if (applied.rejection() != null) {
            throw applied.rejection();
        }
        return applied.result();
    }
}
