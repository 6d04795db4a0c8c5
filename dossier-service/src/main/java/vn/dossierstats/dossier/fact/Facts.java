package vn.dossierstats.dossier.fact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.calendar.DueInstants;
import vn.dossierstats.dossier.calendar.store.CalendarYears;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.catalogue.Procedure;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.DossierState;

/** Replays histories with the catalogue's deadlines and turns a dossier's state into its published fact. */
@Component
public class Facts {

    private final Catalogue catalogue;
    private final DossierHistory history;
    private final DueInstants dueInstants;
    private final Clock clock;

    Facts(Catalogue catalogue, CalendarYears calendarYears, DossierProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.history = new DossierHistory(properties.timeZone(), properties.maxSupplementRequests());
        this.dueInstants = new DueInstants(properties.calendar(calendarYears));
        this.clock = clock;
    }

    public Replay replay(List<DossierEvent> events) {
        return history.replay(events, this::baseDue);
    }

    /** The receipt's own dueAt is authoritative (it is printed on the citizen's receipt); else the procedure's. */
    private Instant baseDue(DossierEvent receipt) {
        if (receipt.dueAt() != null) {
            return receipt.dueAt();
        }
        Procedure procedure = catalogue
                .procedure(receipt.procedureCode())
                .orElseThrow(() -> new IllegalStateException("procedure " + receipt.procedureCode() + " vanished"));
        return dueInstants.due(
                receipt.occurredAt(), procedure.processingTime(), Optional.ofNullable(procedure.cutoff()));
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
                state.rating());
    }
}
