package vn.dossierstats.dossier.view;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.dossier.dvcqg.WaitingInstants;
import vn.dossierstats.dossier.history.DossierStore;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.web.ApiProblem;

/** {@code GET /api/v1/dossiers/{dossierId}}: a dossier's state and history, judged from its stored events. */
@RestController
class DossierController {

    private final DossierStore store;
    private final DossierHistory judging;
    private final WaitingInstants waiting;
    private final Clock clock;

    DossierController(DossierStore store, DossierHistory judging, WaitingInstants waiting, Clock clock) {
        this.store = store;
        this.judging = judging;
        this.waiting = waiting;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dossiers/{dossierId}")
    DossierView dossier(@PathVariable String dossierId) {
        var events = store.events(dossierId);
        if (events.isEmpty()) {
            throw ApiProblem.notFound("unknown dossier " + dossierId);
        }
        return DossierView.of(
                dossierId, judging.replay(events), waiting.of(dossierId), judging.zone(), clock.instant());
    }
}
