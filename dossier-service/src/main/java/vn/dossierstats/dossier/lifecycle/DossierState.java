package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.util.List;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Rating;

/**
 * A received dossier after its valid path: what the API shows and what statistics need.
 *
 * @param dueAt the effective due instant: the base due plus every completed supplement pause
 * @param overdueFrom the instant after which the dossier is overdue while open: its running clock (wall time less
 *     the pauses before) passes the base due there. A pause that begins later does not move it; null while an open
 *     pause holds a clock that was still in time
 * @param pausedSince the start of an open supplement pause, else null
 * @param judgedAt the instant the classification judges: the end, or the pause start when it ended while waiting
 * @param electronicResult whether an applied RESOLVED or RESULT_RETURNED carried {@code electronicResult: true}
 * @param ratings every applied RATED, in history order
 */
public record DossierState(
        DossierEvent receipt,
        DossierStatus status,
        Instant dueAt,
        Instant overdueFrom,
        Instant pausedSince,
        int supplementRequests,
        Instant extendedDueAt,
        Instant endedAt,
        Instant judgedAt,
        Classification classification,
        Instant paidOnlineAt,
        Rating rating,
        boolean electronicResult,
        List<Rated> ratings) {

    /** One applied rating: the national index needs the latest one before a period's end, not only the last. */
    public record Rated(Instant at, Rating rating) {}

    public String unitCode() {
        return receipt.unitCode();
    }

    public String procedureCode() {
        return receipt.procedureCode();
    }

    public Channel channel() {
        return receipt.channel();
    }

    public Instant receivedAt() {
        return receipt.occurredAt();
    }

    public boolean digitized() {
        return Boolean.TRUE.equals(receipt.digitized());
    }

    public boolean feeRequired() {
        return Boolean.TRUE.equals(receipt.feeRequired());
    }

    /**
     * The instant from which the dossier counts as overdue, if the dossier was still open after it, by {@code now}.
     * Overdue never ends before the dossier does, so one instant describes it at any time, past periods included.
     */
    public Instant overdueSince(Instant now) {
        if (status == DossierStatus.REFUSED || overdueFrom == null) {
            return null;
        }
        Instant openUntil = endedAt != null && endedAt.isBefore(now) ? endedAt : now;
        return overdueFrom.isBefore(openUntil) ? overdueFrom : null;
    }
}
