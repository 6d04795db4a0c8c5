package vn.dossierstats.dossier.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.dossier.fact.DossierFact;
import vn.dossierstats.dossier.lifecycle.EventType;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * The business meters of dossier-service. Every label has bounded cardinality: event types, rejection reasons,
 * configured sources, channels, classifications, the catalogue's domains and procedures.
 */
@Component
public class DossierMeters {

    private static final Set<String> TYPES =
            EnumSet.allOf(EventType.class).stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry meters;

    DossierMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Runs one event's ingestion and counts it as rejected, by type, reason and source, when it is refused. */
    public <T> T countingRejections(String source, JsonNode event, Supplier<T> ingestion) {
        try {
            return ingestion.get();
        } catch (ApiProblem problem) {
            rejected(source, typeOf(event), RejectionReason.of(problem));
            throw problem;
        }
    }

    /** Counts an event refused with {@code problem}, by type, reason and source. */
    public void rejected(String source, JsonNode event, ApiProblem problem) {
        rejected(source, typeOf(event), RejectionReason.of(problem));
    }

    void rejected(String source, String type, String reason) {
        meters.counter("dossier.events", "type", type, "outcome", "rejected", "source", source)
                .increment();
        meters.counter("dossier.events.rejected", "type", type, "reason", reason, "source", source)
                .increment();
    }

    /** Counts what a new fact says happened to its dossier: received, ended (by classification), overdue. */
    public void factPublished(DossierFact previous, DossierFact fact) {
        String domain = fact.domain() == null ? "" : fact.domain();
        if (previous == null) {
            meters.counter(
                            "dossier.dossiers.received",
                            "channel",
                            String.valueOf(fact.channel()),
                            "domain",
                            domain,
                            "procedure",
                            String.valueOf(fact.procedureCode()))
                    .increment();
        }
        if (fact.classification() != null && (previous == null || previous.classification() == null)) {
            meters.counter(
                            "dossier.dossiers.ended",
                            "classification",
                            fact.classification().name(),
                            "domain",
                            domain)
                    .increment();
        }
        if (fact.overdueSince() != null
                && fact.endedAt() == null
                && (previous == null || previous.overdueSince() == null)) {
            meters.counter("dossier.dossiers.overdue", "domain", domain).increment();
        }
    }

    private static String typeOf(JsonNode event) {
        if (event != null && event.isObject() && event.path("type").isString()) {
            String type = event.get("type").asString();
            if (TYPES.contains(type)) {
                return type;
            }
        }
        return "UNKNOWN";
    }
}
