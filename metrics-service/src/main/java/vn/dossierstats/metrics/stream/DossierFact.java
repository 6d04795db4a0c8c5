package vn.dossierstats.metrics.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** What this service reads of a fact on dossier.facts.v1 (written by dossier-service; docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierFact(
        String dossierId,
        long sequence,
        Instant acceptedAt,
        String unitCode,
        List<String> unitPath,
        String channel,
        String status,
        Instant receivedAt,
        Instant overdueSince,
        Instant endedAt,
        String classification,
        boolean digitized,
        boolean feeRequired,
        Instant paidOnlineAt) {

    public boolean refused() {
        return "REFUSED".equals(status);
    }
}
