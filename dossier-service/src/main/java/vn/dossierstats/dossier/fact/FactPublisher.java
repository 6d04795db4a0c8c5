package vn.dossierstats.dossier.fact;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.outbox.Outbox;
import vn.dossierstats.dossier.outbox.Topics;

/**
 * Decides a dossier's next fact (only when readers would count the dossier differently from its last one) and writes
 * facts to the outbox, in the caller's transaction, noting when the dossier will turn overdue if nothing else happens.
 *
 * <p>A batch decides its publications in memory ({@link #next}), one after the other per dossier, then writes them all
 * at once ({@link #write}); the caller counts them once committed ({@code DossierMeters#factsPublished}).
 *
 * <p>A transaction that changes a dossier several times (a batch that receives and resolves it) writes only the last
 * of its facts: the earlier ones were never a committed state that a reader could see, each fact is a full snapshot,
 * and readers skip sequences they never saw (docs/events.md). Its sequence stays that of the last change, so sequences
 * still grow with every change of the dossier.
 */
@Component
public class FactPublisher {

    /**
     * A new fact, the one it follows, when to look again for the dossier turning overdue (or null), and the trace of
     * the request that caused it (null: the current span's).
     */
    public record Publication(DossierFact previous, DossierFact fact, Instant overdueCheckAt, String traceParent) {}

    private final Facts facts;
    private final Outbox outbox;

    FactPublisher(Facts facts, Outbox outbox) {
        this.facts = facts;
        this.outbox = outbox;
    }

    /** The fact that follows {@code last}, or empty when readers would count the dossier as before. */
    public Optional<Publication> next(
            LastFact last, DossierFact.Cause cause, DossierState state, Instant acceptedAt, String traceParent) {
        DossierFact fact = facts.fact(last.dossierId(), cause, state, last.sequence() + 1, acceptedAt);
        if (fact.sameStateAs(last.fact())) {
            return Optional.empty();
        }
        boolean watch = state.status().isOpen() && state.overdueFrom() != null && fact.overdueSince() == null;
        return Optional.of(new Publication(last.fact(), fact, watch ? state.overdueFrom() : null, traceParent));
    }

    /** The outbox rows: the last fact of each dossier among the publications, in the order of their dossiers. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<Publication> publications) {
        outbox.appendAll(
                Topics.DOSSIER_FACTS,
                lastOfEachDossier(publications).stream()
                        .map(p -> new Outbox.Entry(p.fact().dossierId(), p.fact(), p.traceParent()))
                        .toList());
    }

    /** The last publication of each dossier, in the order of each dossier's first. */
    public static Collection<Publication> lastOfEachDossier(List<Publication> publications) {
        Map<String, Publication> last = new LinkedHashMap<>();
        publications.forEach(p -> last.put(p.fact().dossierId(), p));
        return last.values();
    }
}
