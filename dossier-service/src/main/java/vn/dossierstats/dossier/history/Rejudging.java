package vn.dossierstats.dossier.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher;
import vn.dossierstats.dossier.fact.FactPublisher.Publication;
import vn.dossierstats.dossier.fact.LastFact;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.DossierState;

/**
 * Judges stored dossiers again and publishes each one whose figures changed: when time passes a due instant (the
 * overdue scheduler) and when the calendar changes under computed due instants. Ingestion judges on its own path, with
 * the same {@link DossierHistory}.
 */
@Service
public class Rejudging {

    private final DossierStore store;
    private final DossierHistory history;
    private final FactPublisher publisher;

    Rejudging(DossierStore store, DossierHistory history, FactPublisher publisher) {
        this.store = store;
        this.history = history;
        this.publisher = publisher;
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
                        .next(last, cause.apply(replay.state()), replay.state(), now)
                        .ifPresent(publications::add);
            }
        }
        publisher.write(publications);
        store.saveFacts(publications);
        store.forget(locked.created());
        return publications;
    }
}
