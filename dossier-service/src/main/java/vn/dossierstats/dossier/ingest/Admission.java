package vn.dossierstats.dossier.ingest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.history.DossierStore;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.Judgement;
import vn.dossierstats.dossier.source.SourceScopes;

/**
 * Whether a new event may join its dossier's history: the catalogue, the source's scopes and judging (domain.md). Only
 * an event that is INVALID at its place, judged with the events already held, is refused; one that the history does
 * not allow yet is kept and waits. Decides in memory, against the history as the batch has it so far; the caller
 * writes what an admission changes.
 */
@Component
class Admission {

    /** An admitted event: the history it leaves, its judging, and the stored events it takes out of the history. */
    record Admitted(List<DossierEvent> history, Replay after, List<DossierStore.Exclusion> exclusions) {}

    private final Catalogue catalogue;
    private final DossierHistory judging;
    private final SourceScopes scopes;

    Admission(Catalogue catalogue, DossierHistory judging, SourceScopes scopes) {
        this.catalogue = catalogue;
        this.judging = judging;
        this.scopes = scopes;
    }

    /**
     * @param history the dossier's events that count, before this one
     * @throws EventRefused when the event is refused
     */
    Admitted admit(DossierEvent event, List<DossierEvent> history) {
        if (event.type().startsDossier()) {
            checkCatalogue(event);
        }
        checkScope(event, history);
        List<DossierEvent> kept = history;
        List<DossierStore.Exclusion> exclusions = List.of();
        if (event.type().startsDossier()) {
            checkSingleReceipt(event, history);
            exclusions = outOfScope(history, event.unitCode());
            if (!exclusions.isEmpty()) {
                kept = new ArrayList<>(history);
                kept.removeAll(
                        exclusions.stream().map(DossierStore.Exclusion::event).toList());
            }
        }
        List<DossierEvent> with = new ArrayList<>(kept.size() + 1);
        with.addAll(kept);
        with.add(event);
        Replay after = judging.replay(with);
        Judgement judgement = after.judgementOf(event);
        if (judgement.invalid()) {
            throw new EventRefused(
                    EventRefused.Reason.NOT_ALLOWED,
                    event.type() + " " + event.eventId() + " for dossier " + event.dossierId() + " is refused: "
                            + judgement.reason());
        }
        return new Admitted(with, after, exclusions);
    }

    /** A dossier has one receipt: a second RECEIVED or REFUSED is refused whatever its date. */
    private void checkSingleReceipt(DossierEvent event, List<DossierEvent> history) {
        history.stream().filter(e -> e.type().startsDossier()).findFirst().ifPresent(receipt -> {
            throw new EventRefused(
                    EventRefused.Reason.NOT_ALLOWED,
                    event.type() + " " + event.eventId() + " for dossier " + event.dossierId()
                            + " is refused: a dossier has one receipt, and this one's is "
                            + judging.describe(receipt));
        });
    }

    /**
     * Refused unless the source's scopes cover the event's unit (RECEIVED, REFUSED) and the unit of the dossier it
     * belongs to (known from the dossier's RECEIVED or REFUSED already stored). An event for a dossier whose RECEIVED
     * has not arrived yet has no known unit: it is stored as any out-of-order event is (see README, "Source keys").
     */
    private void checkScope(DossierEvent event, List<DossierEvent> history) {
        if (event.type().startsDossier()) {
            requireCovers(event, event.unitCode());
        }
        history.stream()
                .filter(e -> e.type().startsDossier())
                .map(DossierEvent::unitCode)
                .distinct()
                .forEach(unit -> requireCovers(event, unit));
    }

    private void requireCovers(DossierEvent event, String unitCode) {
        if (!scopes.covers(event.source(), unitCode)) {
            throw new EventRefused(
                    EventRefused.Reason.OUT_OF_SCOPE,
                    "unit " + unitCode + " is outside the scopes of this source's key");
        }
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
            throw new EventRefused(
                    EventRefused.Reason.UNKNOWN_CATALOGUE_ENTRY, "unitCode: unknown unit " + event.unitCode());
        }
        if (catalogue.procedure(event.procedureCode()).isEmpty()) {
            throw new EventRefused(
                    EventRefused.Reason.UNKNOWN_CATALOGUE_ENTRY,
                    "procedureCode: unknown procedure " + event.procedureCode());
        }
    }
}
