package vn.dossierstats.dossier.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judging (domain.md): a dossier's events, walked in {@code occurredAt} order from its receipt, give its state and
 * what became of each event. The one place that decides a dossier's state from its events: the same set of events
 * always gives the same answer, whatever order they arrived in.
 */
public final class DossierHistory {

    private final ZoneId zone;
    private final int maxSupplementRequests;
    private final BaseDue baseDue;

    /**
     * @param maxSupplementRequests more supplement requests than this make the dossier LATE when it ends (DVCQG: 1)
     * @param baseDue the due instant of a receipt before any pause
     */
    public DossierHistory(ZoneId zone, int maxSupplementRequests, BaseDue baseDue) {
        this.zone = zone;
        this.maxSupplementRequests = maxSupplementRequests;
        this.baseDue = baseDue;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * An event as reasons name it: its type, id and instant, in local time with its seconds (as the API outputs
     * instants; {@code OffsetDateTime.toString} would drop ":00").
     */
    public String describe(DossierEvent event) {
        return event.type() + " " + event.eventId() + " at " + local(event.occurredAt());
    }

    private String local(Instant instant) {
        return instant.atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * One judged history.
     *
     * @param state null until a receipt applies
     * @param ordered the events in the order they were judged
     */
    public record Replay(DossierState state, Map<DossierEvent, Judgement> judgements, List<DossierEvent> ordered) {

        public boolean received() {
            return state != null;
        }

        public Judgement judgementOf(DossierEvent event) {
            return judgements.get(event);
        }
    }

    /**
     * Judges every event. Events at the same instant go in the order the state reached allows, then in the order of
     * the event table, then by eventId: a RESOLVED and a RATED sent with one timestamp both apply.
     */
    public Replay replay(Collection<DossierEvent> events) {
        List<DossierEvent> sorted = new ArrayList<>(events);
        sorted.sort(DossierEvent.HISTORY_ORDER);
        Map<DossierEvent, Judgement> judgements = new HashMap<>();
        DossierEvent receipt = sorted.stream()
                .filter(e -> e.type().startsDossier())
                .findFirst()
                .orElse(null);
        if (receipt == null) {
            sorted.forEach(e -> judgements.put(e, Judgement.waiting("waits for the dossier's RECEIVED")));
            return new Replay(null, judgements, sorted);
        }
        Fold fold = new Fold(receipt, baseDue.of(receipt));
        List<DossierEvent> ordered = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); ) {
            int to = from;
            while (to < sorted.size()
                    && sorted.get(to).occurredAt().equals(sorted.get(from).occurredAt())) {
                to++;
            }
            List<DossierEvent> sameInstant = new ArrayList<>(sorted.subList(from, to));
            DossierStatus groupStart = fold.started ? fold.status : null;
            List<EventType> appliedHere = new ArrayList<>();
            while (!sameInstant.isEmpty()) {
                DossierEvent next =
                        sameInstant.stream().filter(fold::allows).findFirst().orElse(sameInstant.getFirst());
                sameInstant.remove(next);
                ordered.add(next);
                Judgement judgement = fold.judge(next, groupStart, appliedHere);
                if (judgement.applied() && next != receipt) {
                    appliedHere.add(next.type());
                }
                judgements.put(next, judgement);
            }
            from = to;
        }
        return new Replay(fold.state(), judgements, ordered);
    }

    /** The mutable accumulator of one judging; confined to it. */
    private final class Fold {
        private final DossierEvent receipt;
        private boolean started;
        private DossierStatus status;
        private DossierEvent statusBy;
        private Instant effectiveDue;
        private Instant overdueFrom;
        private Instant pausedSince;
        private int supplementRequests;
        private Instant extendedDueAt;
        private Instant endedAt;
        private Instant judgedAt;
        private Instant paidOnlineAt;
        private DossierEvent.Rating rating;
        private boolean electronicResult;
        private final List<DossierState.Rated> ratings = new ArrayList<>();

        Fold(DossierEvent receipt, Instant baseDue) {
            this.receipt = receipt;
            this.effectiveDue = baseDue;
            this.status = receipt.type() == EventType.REFUSED ? DossierStatus.REFUSED : DossierStatus.OPEN;
            this.statusBy = receipt;
        }

        boolean allows(DossierEvent event) {
            if (!started) {
                return event == receipt;
            }
            return !event.type().startsDossier()
                    && !event.occurredAt().isBefore(receipt.occurredAt())
                    && status.allowed().contains(event.type());
        }

        /**
         * @param groupStart the state before the first event at this event's instant (null before the receipt)
         * @param appliedHere the types applied so far at this instant, in order
         */
        Judgement judge(DossierEvent event, DossierStatus groupStart, List<EventType> appliedHere) {
            if (event == receipt) {
                started = true;
                return Judgement.APPLIED;
            }
            if (event.type().startsDossier()) {
                return Judgement.invalid("a dossier has one receipt, and this one's is " + describe(receipt));
            }
            if (event.occurredAt().isBefore(receipt.occurredAt())) {
                return Judgement.invalid("dated before the dossier's receipt, " + describe(receipt));
            }
            String where = "at " + local(event.occurredAt()) + " the dossier is " + status + " (by "
                    + describe(statusBy) + ")";
            if (!status.allowed().contains(event.type())) {
                return status.canStillAllow(event.type()) || couldPrecede(event.type(), groupStart, appliedHere)
                        ? Judgement.waiting(
                                where + "; " + event.type() + " applies once " + missing(event.type()) + " arrives")
                        : Judgement.invalid(where + ", which allows no " + event.type() + " ever after");
            }
            apply(event);
            return Judgement.APPLIED;
        }

        /**
         * Whether the event, placed before the events already applied at its instant, would lead to a valid history:
         * a SUPPLEMENT_RECEIVED sent with the RESOLVED that followed it, its request not arrived yet, waits for the
         * request (then both apply) instead of being refused as dated after the end.
         */
        private boolean couldPrecede(EventType type, DossierStatus groupStart, List<EventType> appliedHere) {
            if (groupStart == null || appliedHere.isEmpty() || !groupStart.canStillAllow(type)) {
                return false;
            }
            DossierStatus reached =
                    switch (type) {
                        case SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, RESOLVED, RESULT_RETURNED, STOPPED, WITHDRAWN ->
                            groupStart.after(type);
                        // one that moves no state needs a state that allows it: not known from here
                        default -> null;
                    };
            if (reached == null) {
                return false;
            }
            for (EventType applied : appliedHere) {
                if (!reached.allowed().contains(applied)) {
                    return false;
                }
                reached = reached.after(applied);
            }
            return true;
        }

        private void apply(DossierEvent event) {
            switch (event.type()) {
                case SUPPLEMENT_REQUESTED -> {
                    // a pause that begins after the due instant does not save the dossier: it was overdue already
                    if (overdueFrom == null && event.occurredAt().isAfter(effectiveDue)) {
                        overdueFrom = effectiveDue;
                    }
                    move(DossierStatus.WAITING_SUPPLEMENT, event);
                    pausedSince = event.occurredAt();
                    supplementRequests++;
                }
                case SUPPLEMENT_RECEIVED -> {
                    move(DossierStatus.OPEN, event);
                    effectiveDue = effectiveDue.plus(Duration.between(pausedSince, event.occurredAt()));
                    pausedSince = null;
                }
                case DEADLINE_EXTENDED -> extendedDueAt = event.newDueAt();
                case PAID -> {
                    if (event.paymentChannel() == DossierEvent.PaymentChannel.ONLINE && paidOnlineAt == null) {
                        paidOnlineAt = event.occurredAt();
                    }
                }
                case RATED -> {
                    rating = event.rating();
                    ratings.add(new DossierState.Rated(event.occurredAt(), event.rating()));
                }
                case RESOLVED, RESULT_RETURNED, STOPPED, WITHDRAWN -> {
                    if (Boolean.TRUE.equals(event.electronicResult())) {
                        electronicResult = true;
                    }
                    end(event);
                }
                default -> throw new IllegalStateException("unhandled event type " + event.type());
            }
        }

        private void end(DossierEvent event) {
            if (endedAt == null) {
                endedAt = event.occurredAt();
                // a dossier that ends while waiting is judged at the instant its pause began
                judgedAt = pausedSince != null ? pausedSince : endedAt;
            }
            move(
                    switch (event.type()) {
                        case RESOLVED -> DossierStatus.RESOLVED;
                        case RESULT_RETURNED -> DossierStatus.RESULT_RETURNED;
                        case STOPPED -> DossierStatus.STOPPED;
                        default -> DossierStatus.WITHDRAWN;
                    },
                    event);
        }

        private void move(DossierStatus next, DossierEvent by) {
            status = next;
            statusBy = by;
        }

        /** What has not arrived yet, for the reason of a waiting event. */
        private String missing(EventType type) {
            if (status == DossierStatus.WAITING_SUPPLEMENT) {
                return "the SUPPLEMENT_RECEIVED that ends the pause";
            }
            return switch (type) {
                case SUPPLEMENT_RECEIVED -> "the SUPPLEMENT_REQUESTED it answers";
                case RATED -> "the dossier's RESOLVED or RESULT_RETURNED";
                default -> "an earlier-dated event that allows it";
            };
        }

        DossierState state() {
            Classification classification = null;
            if (judgedAt != null && status != DossierStatus.REFUSED) {
                classification = supplementRequests > maxSupplementRequests
                        ? Classification.LATE
                        : Classification.of(judgedAt, effectiveDue, zone);
            }
            // overdue from the first instant the running clock passes the due instant; an open pause that began in
            // time holds the clock, so the dossier is not overdue (yet)
            Instant overdue = overdueFrom != null ? overdueFrom : pausedSince == null ? effectiveDue : null;
            return new DossierState(
                    receipt,
                    status,
                    effectiveDue,
                    overdue,
                    pausedSince,
                    supplementRequests,
                    extendedDueAt,
                    endedAt,
                    judgedAt,
                    classification,
                    paidOnlineAt,
                    rating,
                    electronicResult,
                    List.copyOf(ratings));
        }
    }
}
