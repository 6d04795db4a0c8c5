package vn.dossierstats.metrics.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What this service reads of a fact on dossier.facts.v1 (written by dossier-service; docs/events.md).
 * {@code electronicResult} and {@code ratings} feed the national index; a fact written before them has neither
 * (boxed and nullable: an absent primitive would not read). {@code procedureCode} feeds the index's procedure-based
 * counts; a fact kept in the store by a version before them has none.
 */
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
        Instant paidOnlineAt,
        Boolean electronicResult,
        List<Rated> ratings,
        String procedureCode) {

    /** One rating of the dossier with its instant. */
    public record Rated(Instant at, String rating) {

        public boolean dissatisfied() {
            return "DISSATISFIED".equals(rating);
        }
    }

    /** A fact without its procedure. */
    public DossierFact(
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
            Instant paidOnlineAt,
            Boolean electronicResult,
            List<Rated> ratings) {
        this(
                dossierId,
                sequence,
                acceptedAt,
                unitCode,
                unitPath,
                channel,
                status,
                receivedAt,
                overdueSince,
                endedAt,
                classification,
                digitized,
                feeRequired,
                paidOnlineAt,
                electronicResult,
                ratings,
                null);
    }

    /** A fact without the national index's fields (as written before them). */
    public DossierFact(
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
        this(
                dossierId,
                sequence,
                acceptedAt,
                unitCode,
                unitPath,
                channel,
                status,
                receivedAt,
                overdueSince,
                endedAt,
                classification,
                digitized,
                feeRequired,
                paidOnlineAt,
                null,
                null,
                null);
    }

    public boolean refused() {
        return "REFUSED".equals(status);
    }

    public boolean hasElectronicResult() {
        return Boolean.TRUE.equals(electronicResult);
    }

    /** Whether the latest rating before {@code end} is DISSATISFIED (ratings are in history order). */
    public boolean dissatisfiedBefore(Instant end) {
        if (ratings == null) {
            return false;
        }
        Rated latest = null;
        for (Rated rated : ratings) {
            if (rated.at() != null && rated.at().isBefore(end)) {
                latest = rated;
            }
        }
        return latest != null && latest.dissatisfied();
    }
}
