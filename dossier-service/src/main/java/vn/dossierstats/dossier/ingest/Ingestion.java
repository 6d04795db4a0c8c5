package vn.dossierstats.dossier.ingest;

import org.springframework.stereotype.Service;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * Applies one event: idempotency by (source, eventId), judging, and the fact for the outbox, in one transaction with
 * the dossier row locked, committed before the answer. It joins the events that arrive meanwhile in one group
 * ({@link GroupCommit}), a batch like any other, so that one implementation holds the rules.
 */
@Service
public class Ingestion {

    private final GroupCommit groups;

    Ingestion(GroupCommit groups) {
        this.groups = groups;
    }

    /** @throws EventRefused when the event is refused */
    public IngestResult ingest(DossierEvent event) {
        BatchIngestion.Applied applied = groups.ingest(event);
        if (applied.rejection() != null) {
            throw applied.rejection();
        }
        return applied.result();
    }
}
