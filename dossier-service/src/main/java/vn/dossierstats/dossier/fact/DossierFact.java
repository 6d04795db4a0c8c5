package vn.dossierstats.dossier.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.dossierstats.dossier.lifecycle.Classification;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Rating;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.lifecycle.DossierStatus;

/**
 * The statistical state of one dossier after one change, published on dossier.facts.v1 (docs/events.md). A full
 * snapshot: readers take back the previous fact's contribution and add this one's. {@code electronicResult} and
 * {@code ratings} (every rating with its instant) feed the national index; a fact stored before them reads them as null
 * (boxed: an absent primitive would not read), and differs from its successor, which is published then.
 */
public record DossierFact(
        String dossierId,
        long sequence,
        Cause cause,
        Instant acceptedAt,
        String unitCode,
        List<String> unitPath,
        String procedureCode,
        String domain,
        Channel channel,
        DossierStatus status,
        Instant receivedAt,
        Instant dueAt,
        Instant overdueSince,
        Instant endedAt,
        Classification classification,
        boolean digitized,
        boolean feeRequired,
        Instant paidOnlineAt,
        Rating rating,
        Boolean electronicResult,
        List<DossierState.Rated> ratings) {

    /** The event that produced the fact, or OVERDUE when the deadline passed. */
    public record Cause(String type, String eventId, Instant occurredAt) {}

    /** Whether readers would count this fact differently from {@code other}. */
    public boolean sameStateAs(DossierFact other) {
        return other != null
                && Objects.equals(unitPath, other.unitPath)
                && Objects.equals(procedureCode, other.procedureCode)
                && Objects.equals(domain, other.domain)
                && channel == other.channel
                && status == other.status
                && Objects.equals(receivedAt, other.receivedAt)
                && Objects.equals(dueAt, other.dueAt)
                && Objects.equals(overdueSince, other.overdueSince)
                && Objects.equals(endedAt, other.endedAt)
                && classification == other.classification
                && digitized == other.digitized
                && feeRequired == other.feeRequired
                && Objects.equals(paidOnlineAt, other.paidOnlineAt)
                && rating == other.rating
                && Objects.equals(electronicResult, other.electronicResult)
                && Objects.equals(ratings, other.ratings);
    }
}
