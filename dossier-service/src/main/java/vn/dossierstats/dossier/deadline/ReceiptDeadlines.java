package vn.dossierstats.dossier.deadline;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.calendar.DueInstants;
import vn.dossierstats.dossier.calendaryears.CalendarYears;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.catalogue.ProcessingRule;
import vn.dossierstats.dossier.lifecycle.BaseDue;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * The due instant of a receipt: its own {@code dueAt} is authoritative (it is printed on the citizen's receipt), else
 * the processing rule of the procedure in force at the receipt, on the working calendar as the administrator keeps it.
 */
@Component
class ReceiptDeadlines implements BaseDue {

    private final Catalogue catalogue;
    private final DueInstants dueInstants;

    ReceiptDeadlines(Catalogue catalogue, CalendarYears calendarYears, DossierProperties properties) {
        this.catalogue = catalogue;
        this.dueInstants = new DueInstants(properties.calendar(calendarYears));
    }

    @Override
    public Instant of(DossierEvent receipt) {
        if (receipt.dueAt() != null) {
            return receipt.dueAt();
        }
        ProcessingRule rule = catalogue
                .processingRule(receipt.procedureCode(), receipt.occurredAt())
                .orElseThrow(() -> new IllegalStateException("procedure " + receipt.procedureCode() + " vanished"));
        return dueInstants.due(receipt.occurredAt(), rule.time(), Optional.ofNullable(rule.cutoff()));
    }
}
