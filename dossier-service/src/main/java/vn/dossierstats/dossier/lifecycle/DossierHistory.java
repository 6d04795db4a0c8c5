package vn.dossierstats.dossier.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lifecycle as a fold: a dossier's events, replayed in history order, give its state and what became of each
 * event. Arrival order never matters; the same events always give the same answer.
 */
public final class DossierHistory {

    private final ZoneId zone;
    private final int maxSupplementRequests;

    /**
     * @param maxSupplementRequests more supplement requests than this make the dossier LATE when it ends (DVCQG: 1)
     */
    public DossierHistory(ZoneId zone, int maxSupplementRequests) {
        this.zone = zone;
        this.maxSupplementRequests = maxSupplementRequests;
    }

    /** The replay of one history. */
    public record Replay(DossierState state, Map<DossierEvent, Outcome> outcomes, List<DossierEvent> ordered) {

        public boolean received() {
            return state != null;
        }

        public Outcome outcomeOf(DossierEvent event) {
            return outcomes.get(event);
        }
    }

    /**
     * @param baseDue the due instant of a receipt before any pause: its own dueAt, or the procedure's deadline
     */
    public Replay replay(List<DossierEvent> events, Function<DossierEvent, Instant> baseDue) {
        List<DossierEvent> ordered = new ArrayList<>(events);
        ordered.sort(DossierEvent.HISTORY_ORDER);
        Map<DossierEvent, Outcome> outcomes = new LinkedHashMap<>();
        DossierEvent receipt = ordered.stream()
                .filter(e -> e.type().startsDossier())
                .findFirst()
                .orElse(null);
        if (receipt == null) {
            ordered.forEach(e -> outcomes.put(e, Outcome.PENDING));
            return new Replay(null, outcomes, ordered);
        }
        Fold fold = new Fold(receipt, baseDue.apply(receipt));
        for (DossierEvent event : ordered) {
            outcomes.put(event, fold.apply(event));
        }
        return new Replay(fold.state(), outcomes, ordered);
    }

    /** The mutable accumulator of one replay; confined to it. */
    private final class Fold {
        private final DossierEvent receipt;
        private final Instant baseDue;
        private DossierStatus status;
        private Duration paused = Duration.ZERO;
        private Instant pausedSince;
        private int supplementRequests;
        private Instant extendedDueAt;
        private Instant endedAt;
        private Instant judgedAt;
        private Instant paidOnlineAt;
        private DossierEvent.Rating rating;

        Fold(DossierEvent receipt, Instant baseDue) {
            this.receipt = receipt;
            this.baseDue = baseDue;
            this.status = receipt.type() == EventType.REFUSED ? DossierStatus.REFUSED : DossierStatus.OPEN;
        }

        Outcome apply(DossierEvent event) {
            if (event == receipt) {
                return Outcome.APPLIED;
            }
            if (event.occurredAt().isBefore(receipt.occurredAt())) {
                return Outcome.invalid("dated before the dossier's receipt at " + receipt.occurredAt());
            }
            if (event.type().startsDossier()) {
                return Outcome.invalid(
                        "the dossier was already " + status.name().toLowerCase() + " by event " + receipt.eventId());
            }
            if (!status.allowed().contains(event.type())) {
                return Outcome.invalid(event.type() + " is not allowed in state " + status);
            }
            switch (event.type()) {
                case SUPPLEMENT_REQUESTED -> {
                    status = DossierStatus.WAITING_SUPPLEMENT;
                    pausedSince = event.occurredAt();
                    supplementRequests++;
                }
                case SUPPLEMENT_RECEIVED -> {
                    status = DossierStatus.OPEN;
                    paused = paused.plus(Duration.between(pausedSince, event.occurredAt()));
                    pausedSince = null;
                }
                case DEADLINE_EXTENDED -> extendedDueAt = event.newDueAt();
                case PAID -> {
                    if (event.paymentChannel() == DossierEvent.PaymentChannel.ONLINE && paidOnlineAt == null) {
                        paidOnlineAt = event.occurredAt();
                    }
                }
                case RATED -> rating = event.rating();
                case RESOLVED, RESULT_RETURNED, STOPPED, WITHDRAWN -> end(event);
                default -> throw new IllegalStateException("unhandled event type " + event.type());
            }
            return Outcome.APPLIED;
        }

        private void end(DossierEvent event) {
            if (endedAt == null) {
                endedAt = event.occurredAt();
                // a dossier that ends while waiting is judged at the instant its pause began
                judgedAt = pausedSince != null ? pausedSince : endedAt;
            }
            status = switch (event.type()) {
                case RESOLVED -> DossierStatus.RESOLVED;
                case RESULT_RETURNED -> DossierStatus.RESULT_RETURNED;
                case STOPPED -> DossierStatus.STOPPED;
                default -> DossierStatus.WITHDRAWN;
            };
        }

        DossierState state() {
            Instant due = baseDue.plus(paused);
            Classification classification = null;
            if (judgedAt != null && status != DossierStatus.REFUSED) {
                classification = supplementRequests > maxSupplementRequests
                        ? Classification.LATE
                        : Classification.of(judgedAt, due, zone);
            }
            return new DossierState(
                    receipt,
                    status,
                    due,
                    pausedSince,
                    supplementRequests,
                    extendedDueAt,
                    endedAt,
                    judgedAt,
                    classification,
                    paidOnlineAt,
                    rating);
        }
    }
}
