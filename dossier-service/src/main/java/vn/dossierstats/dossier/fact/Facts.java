package vn.dossierstats.dossier.fact;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.catalogue.Procedure;
import vn.dossierstats.dossier.lifecycle.DossierState;

/** Turns a dossier's judged state into the fact published about it, with the catalogue's unit path and domain. */
@Component
public class Facts {

    private final Catalogue catalogue;
    private final Clock clock;

    Facts(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public DossierFact fact(
            String dossierId, DossierFact.Cause cause, DossierState state, long sequence, Instant acceptedAt) {
        String domain = catalogue
                .procedure(state.procedureCode())
                .map(Procedure::domain)
                .orElse(null);
        return new DossierFact(
                dossierId,
                sequence,
                cause,
                acceptedAt,
                state.unitCode(),
                catalogue.path(state.unitCode()),
                state.procedureCode(),
                domain,
                state.channel(),
                state.status(),
                state.receivedAt(),
                state.dueAt(),
                state.overdueSince(clock.instant()),
                state.endedAt(),
                state.classification(),
                state.digitized(),
                state.feeRequired(),
                state.paidOnlineAt(),
                state.rating(),
                state.electronicResult(),
                state.ratings());
    }
}
