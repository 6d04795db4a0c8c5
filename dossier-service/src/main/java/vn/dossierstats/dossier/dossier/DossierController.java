package vn.dossierstats.dossier.dossier;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.fact.Facts;
import vn.dossierstats.dossier.ingest.DossierStore;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.web.ApiProblem;

/** A dossier's current state and history, replayed from its stored events. */
@RestController
class DossierController {

    private final DossierStore store;
    private final Facts facts;
    private final DossierProperties properties;
    private final Clock clock;

    DossierController(DossierStore store, Facts facts, DossierProperties properties, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dossiers/{dossierId}")
    DossierView dossier(@PathVariable String dossierId) {
        var events = store.events(dossierId);
        if (events.isEmpty()) {
            throw ApiProblem.notFound("unknown dossier " + dossierId);
        }
        Replay replay = facts.replay(events);
        if (!replay.received()) {
            throw ApiProblem.notFound("dossier " + dossierId + " has not been received yet; " + events.size()
                    + " event(s) are waiting for its RECEIVED");
        }
        return DossierView.of(dossierId, replay, properties.timeZone(), clock.instant());
    }
}
