package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event of a dossier as a source sent it, with the fields of every type (null where a type has none).
 * The identity is (source, eventId). {@code electronicResult} (RESOLVED, RESULT_RETURNED; optional) says the result was
 * delivered electronically: the national index's digitisation group counts it.
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
        Rating rating,
        Boolean electronicResult) {

    /** An event without an electronic result flag (every type but RESOLVED and RESULT_RETURNED has none). */
    public DossierEvent(
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
        this(
                source,
                eventId,
                type,
                dossierId,
                occurredAt,
                unitCode,
                procedureCode,
                channel,
                dueAt,
                digitized,
                feeRequired,
                newDueAt,
                paymentChannel,
                result,
                rating,
                null);
    }

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
