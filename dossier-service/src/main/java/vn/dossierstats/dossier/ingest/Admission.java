package vn.dossierstats.dossier.ingest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.fact.Facts;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.Outcome;
import vn.dossierstats.dossier.source.SourceScopes;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * Whether a new event may join its dossier's history: the catalogue, the source's scopes and the lifecycle. Decides in
 * memory, against the history as the batch has it so far; the caller writes what an admission changes.
 */
@Component
class Admission {

    /** An admitted event: the history it leaves, its replay, and the stored events it takes out of the history. */
    record Admitted(List<DossierEvent> history, Replay after, List<DossierStore.Exclusion> exclusions) {}

    private final Catalogue catalogue;
    private final Facts facts;
    private final SourceScopes scopes;

    Admission(Catalogue catalogue, Facts facts, SourceScopes scopes) {
        this.catalogue = catalogue;
        this.facts = facts;
        this.scopes = scopes;
    }

    /**
     * @param history the dossier's events that count, before this one
     * @throws ApiProblem 403, 422 when the event is refused
     */
    Admitted admit(DossierEvent event, List<DossierEvent> history) {
        if (event.type().startsDossier()) {
            checkCatalogue(event);
        }
        checkScope(event, history);
        List<DossierEvent> kept = history;
        List<DossierStore.Exclusion> exclusions = List.of();
        if (event.type().startsDossier()) {
            exclusions = outOfScope(history, event.unitCode());
            if (!exclusions.isEmpty()) {
                kept = new ArrayList<>(history);
                kept.removeAll(
                        exclusions.stream().map(DossierStore.Exclusion::event).toList());
            }
        }
        Replay before = facts.replay(kept);
        List<DossierEvent> with = new ArrayList<>(kept.size() + 1);
        with.addAll(kept);
        with.add(event);
        Replay after = facts.replay(with);
        checkAcceptable(event, before, after);
        return new Admitted(with, after, exclusions);
    }

    /** The history with the event must be a valid path, and no event that was part of it may fall out. */
    private static void checkAcceptable(DossierEvent event, Replay before, Replay after) {
        if (!after.received()) {
            return; // waits for its RECEIVED
        }
        Outcome outcome = after.outcomeOf(event);
        if (outcome.kind() == Outcome.Kind.INVALID) {
            throw ApiProblem.unprocessable(
                    event.type() + " for dossier " + event.dossierId() + " is rejected: " + outcome.reason());
        }
        if (before.received()) {
            for (var entry : before.outcomes().entrySet()) {
                if (entry.getValue().kind() == Outcome.Kind.APPLIED
                        && after.outcomeOf(entry.getKey()).kind() != Outcome.Kind.APPLIED) {
                    throw ApiProblem.unprocessable(event.type() + " for dossier " + event.dossierId()
                            + " is rejected: it conflicts with "
                            + entry.getKey().type() + " "
                            + entry.getKey().eventId() + " ("
                            + after.outcomeOf(entry.getKey()).reason() + ")");
                }
            }
        }
    }

    /**
     * 403 unless the source's scopes cover the event's unit (RECEIVED, REFUSED) and the unit of the dossier it belongs
     * to (known from the dossier's RECEIVED or REFUSED already stored). An event for a dossier whose RECEIVED has not
     * arrived yet has no known unit: it is stored as any out-of-order event is (see README, "Source keys").
     */
    private void checkScope(DossierEvent event, List<DossierEvent> history) {
        if (event.type().startsDossier()) {
            scopes.requireCovers(event.source(), event.unitCode());
        }
        history.stream()
                .filter(e -> e.type().startsDossier())
                .map(DossierEvent::unitCode)
                .distinct()
                .forEach(unit -> scopes.requireCovers(event.source(), unit));
    }

    /**
     * Events that waited for the dossier's RECEIVED from a source whose scopes do not cover its unit: the unit was
     * unknown when they came, so they were stored; now they are excluded from the history and have no effect.
     */
    private List<DossierStore.Exclusion> outOfScope(List<DossierEvent> history, String unitCode) {
        List<DossierStore.Exclusion> excluded = new ArrayList<>();
        for (DossierEvent waiting : history) {
            if (!scopes.covers(waiting.source(), unitCode)) {
                excluded.add(new DossierStore.Exclusion(
                        waiting, "unit " + unitCode + " is outside the scopes of the source's key"));
            }
        }
        return excluded;
    }

    private void checkCatalogue(DossierEvent event) {
        if (catalogue.unit(event.unitCode()).isEmpty()) {
            throw ApiProblem.unprocessable("unitCode: unknown unit " + event.unitCode());
        }
        if (catalogue.procedure(event.procedureCode()).isEmpty()) {
            throw ApiProblem.unprocessable("procedureCode: unknown procedure " + event.procedureCode());
        }
    }
}
