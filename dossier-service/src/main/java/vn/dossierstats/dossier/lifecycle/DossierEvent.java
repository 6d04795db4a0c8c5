package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event of a dossier as a source sent it, with the fields of every type (null where a type has none).
 * The identity is (source, eventId).
 */
public record DossierEvent(
        String source,
        String eventId,
        EventType type,
        String dossierId,
        Instant occurredAt,
        String unitCode,
        String procedureCode,
        Channel channel,
        Instant dueAt,
        Boolean digitized,
        Boolean feeRequired,
        Instant newDueAt,
        PaymentChannel paymentChannel,
        Result result,
        Rating rating) {

    public enum Channel {
        DIRECT,
        ONLINE,
        POSTAL
    }

    public enum PaymentChannel {
        ONLINE,
        OFFLINE
    }

    public enum Result {
        APPROVED,
        REJECTED
    }

    public enum Rating {
        VERY_SATISFIED,
        SATISFIED,
        DISSATISFIED
    }

    /** History order of domain.md: occurredAt, then the order of the event table, then eventId. */
    public static final Comparator<DossierEvent> HISTORY_ORDER = Comparator.comparing(DossierEvent::occurredAt)
            .thenComparing(DossierEvent::type)
            .thenComparing(DossierEvent::eventId)
            .thenComparing(DossierEvent::source);

    public boolean sameIdentity(DossierEvent other) {
        return source.equals(other.source) && eventId.equals(other.eventId);
    }
}
