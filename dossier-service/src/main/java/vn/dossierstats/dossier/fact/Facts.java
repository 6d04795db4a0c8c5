package vn.dossierstats.dossier.fact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.catalogue.Procedure;
import vn.dossierstats.dossier.lifecycle.DossierState;

/**
 * Turns a dossier's judged state into the fact published about it, with the unit path of its receipt date and the
 * procedure's domain.
 */
@Component
public class Facts {

    private final Catalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    Facts(Catalogue catalogue, Clock clock, DossierProperties properties) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = properties.timeZone();
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
                // the ancestry on the receipt date: a later reorganisation moves no dossier received before it
                state.receivedAt() == null
                        ? catalogue.path(state.unitCode())
                        : catalogue.path(state.unitCode(), LocalDate.ofInstant(state.receivedAt(), zone)),
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
