package vn.dossierstats.dossier.ingest;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * Applies one event: idempotency by (source, eventId), judging, and the fact for the outbox, in one transaction with
 * the dossier row locked, committed before the answer. It joins the events that arrive meanwhile in one group
 * ({@link GroupCommit}), a batch like any other, so that one implementation holds the rules.
 */
@Service
public class Ingestion {

    /** What became of one event: its result, or the refusal that kept it out (then result is null). */
    public record Outcome(DossierEvent event, IngestResult result, EventRefused refusal) {}

    private final GroupCommit groups;
    private final BatchIngestion batches;

    Ingestion(GroupCommit groups, BatchIngestion batches) {
        this.groups = groups;
        this.batches = batches;
    }

    /**
     * Events of several dossiers in one transaction, each dossier's all together or not at all (one refused event
     * keeps the dossier's others out too); the same validation, judging, idempotency and outbox as every event.
     */
    public List<Outcome> ingestWholeDossiers(List<DossierEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<BatchIngestion.Applied> applied = batches.ingestWholeDossiers(events);
        return java.util.stream.IntStream.range(0, events.size())
                .mapToObj(i -> new Outcome(
                        events.get(i), applied.get(i).result(), applied.get(i).rejection()))
                .toList();
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
