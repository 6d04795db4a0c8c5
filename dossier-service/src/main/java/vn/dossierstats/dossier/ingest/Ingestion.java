package vn.dossierstats.dossier.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.fact.FactPublisher;
import vn.dossierstats.dossier.fact.Facts;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.Outcome;
import vn.dossierstats.dossier.source.SourceScopes;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * Applies one event: idempotency by (source, eventId), the lifecycle replay, and the fact for the outbox, all in one
 * transaction with the dossier row locked.
 */
@Service
public class Ingestion {

    private final DossierStore store;
    private final Catalogue catalogue;
    private final Facts facts;
    private final FactPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SourceScopes scopes;

    Ingestion(
            DossierStore store,
            Catalogue catalogue,
            Facts facts,
            FactPublisher publisher,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            SourceScopes scopes) {
        this.store = store;
        this.catalogue = catalogue;
        this.facts = facts;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.scopes = scopes;
    }

    @Transactional
    public IngestResult ingest(DossierEvent event) {
        return apply(event);
    }

    /** What {@link #ingest} does, inside the caller's transaction (a batch applies many under one commit). */
    IngestResult apply(DossierEvent event) {
        DossierStore.Locked dossier = store.lock(event.dossierId());
        String body = json.writeValueAsString(event);
        var stored = store.body(event.source(), event.eventId());
        if (stored.isPresent()) {
            if (!stored.get().equals(body)) {
                throw ApiProblem.conflict(
                        "event " + event.eventId() + " was already received from this source with different content");
            }
            count(event, "duplicate");
            return new IngestResult(event.eventId(), IngestResult.Status.DUPLICATE);
        }
        if (event.type().startsDossier()) {
            checkCatalogue(event);
        }
        List<DossierEvent> history = store.events(event.dossierId());
        checkScope(event, history);
        if (event.type().startsDossier()) {
            history = withoutOutOfScope(history, event.unitCode());
        }
        Replay before = facts.replay(history);
        List<DossierEvent> with = new ArrayList<>(history);
        with.add(event);
        Replay after = facts.replay(with);
        checkAcceptable(event, before, after);

        Instant acceptedAt = clock.instant();
        store.insert(event, body, acceptedAt);
        if (after.received()) {
            publisher.publish(
                    dossier,
                    new DossierFact.Cause(event.type().name(), event.eventId(), event.occurredAt()),
                    after.state(),
                    acceptedAt);
        }
        count(event, "accepted");
        return new IngestResult(event.eventId(), IngestResult.Status.ACCEPTED);
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
    private List<DossierEvent> withoutOutOfScope(List<DossierEvent> history, String unitCode) {
        List<DossierEvent> kept = new ArrayList<>(history.size());
        for (DossierEvent waiting : history) {
            if (scopes.covers(waiting.source(), unitCode)) {
                kept.add(waiting);
            } else {
                store.exclude(waiting, "unit " + unitCode + " is outside the scopes of the source's key");
            }
        }
        return kept;
    }

    private void checkCatalogue(DossierEvent event) {
        if (catalogue.unit(event.unitCode()).isEmpty()) {
            throw ApiProblem.unprocessable("unitCode: unknown unit " + event.unitCode());
        }
        if (catalogue.procedure(event.procedureCode()).isEmpty()) {
            throw ApiProblem.unprocessable("procedureCode: unknown procedure " + event.procedureCode());
        }
    }

    private void count(DossierEvent event, String outcome) {
        meters.counter("dossier.events", "type", event.type().name(), "outcome", outcome, "source", event.source())
                .increment();
    }
}
