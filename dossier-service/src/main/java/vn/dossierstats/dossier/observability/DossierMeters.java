package vn.dossierstats.dossier.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Counters by name and tags: building one (tags, registry lookup) costs more than the increment. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    DossierMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts an event that was accepted or found a duplicate ({@code outcome}), by type and source. */
    public void event(String type, String outcome, String source) {
        counter("dossier.events", "type", type, "outcome", outcome, "source", source)
                .increment();
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
        event(type, "rejected", source);
        counter("dossier.events.rejected", "type", type, "reason", reason, "source", source)
                .increment();
    }

    /**
     * Counts a dossier of a DVCQG push (issue 20) by {@code service} ({@code DongBoHoSoMC}, {@code CapNhatTienDoHoSoMC}),
     * {@code shape} ({@code envelope}: OpenCPS's object with {@code service}; {@code bare}: an array, Hà Giang and TD) and
     * {@code outcome} ({@code applied}: it added events; {@code unchanged}: it added none, being a re-send, a status
     * that waits for an instant or progress kept until its snapshot; {@code failed}: refused, nothing of it applied).
     * A source whose pushes fail, or only ever change nothing, shows here before its figures look wrong.
     */
    public void dvcqgDossier(String service, String shape, String outcome) {
        counter("dossier.dvcqg.dossiers", "service", service, "shape", shape, "outcome", outcome)
                .increment();
    }

    /** Counts what published facts say happened to their dossiers, once committed. */
    public void factsPublished(java.util.List<vn.dossierstats.dossier.fact.FactPublisher.Publication> publications) {
        publications.forEach(p -> factPublished(p.previous(), p.fact()));
    }

    /** Counts what a new fact says happened to its dossier: received, ended (by classification), overdue. */
    public void factPublished(DossierFact previous, DossierFact fact) {
        String domain = fact.domain() == null ? "" : fact.domain();
        if (previous == null) {
            counter(
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
            counter(
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
            counter("dossier.dossiers.overdue", "domain", domain).increment();
        }
    }

    private Counter counter(String name, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(List.of(tags));
        return counters.computeIfAbsent(key, k -> meters.counter(name, tags));
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
