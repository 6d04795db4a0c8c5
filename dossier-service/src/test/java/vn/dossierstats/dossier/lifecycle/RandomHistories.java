package vn.dossierstats.dossier.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.PaymentChannel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Rating;

/**
 * Random valid dossier histories, walked through the lifecycle of domain.md in occurredAt order (instants with seconds
 * and fractions, sometimes several at one instant), each with what judging must make of it, computed by the domain's
 * own words rather than by {@link DossierHistory}: the oracle.
 */
public final class RandomHistories {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A supplement pause; {@code end} null while it lasts. */
    public record Pause(Instant start, Instant end) {}

    /** A generated history and its oracle. */
    public record History(
            List<DossierEvent> events,
            Instant baseDue,
            DossierStatus status,
            Instant endedAt,
            List<Pause> pauses,
            int supplementRequests) {

        public Instant receivedAt() {
            return events.getFirst().occurredAt();
        }

        /** The effective due instant: the base due plus every completed pause. */
        public Instant effectiveDue() {
            Instant due = baseDue;
            for (Pause pause : pauses) {
                if (pause.end() != null) {
                    due = due.plus(Duration.between(pause.start(), pause.end()));
                }
            }
            return due;
        }

        /** domain.md, Classification, word for word. */
        public Classification classification(int maxSupplementRequests) {
            if (endedAt == null || status == DossierStatus.REFUSED) {
                return null;
            }
            if (supplementRequests > maxSupplementRequests) {
                return Classification.LATE;
            }
            Instant judged = judgedAt(endedAt);
            Instant due = dueAt(judged);
            if (judged.isAfter(due)) {
                return Classification.LATE;
            }
            return LocalDate.ofInstant(judged, ZONE).isBefore(LocalDate.ofInstant(due, ZONE))
                    ? Classification.EARLY
                    : Classification.ON_TIME;
        }

        /**
         * domain.md, in progress: at {@code t} an open dossier is overdue if t is after the due instant plus the pauses
         * completed by then; while a pause is open it is judged at the instant the pause began.
         */
        public boolean overdueAt(Instant t) {
            if (status == DossierStatus.REFUSED || t.isBefore(receivedAt())) {
                return false;
            }
            if (endedAt != null && !t.isBefore(endedAt)) {
                return false;
            }
            Instant judged = judgedAt(t);
            return judged.isAfter(dueAt(judged));
        }

        private Instant judgedAt(Instant t) {
            for (Pause pause : pauses) {
                if (!pause.start().isAfter(t)
                        && (pause.end() == null || pause.end().isAfter(t))) {
                    return pause.start();
                }
            }
            return t;
        }

        private Instant dueAt(Instant t) {
            Instant due = baseDue;
            for (Pause pause : pauses) {
                if (pause.end() != null && !pause.end().isAfter(t)) {
                    due = due.plus(Duration.between(pause.start(), pause.end()));
                }
            }
            return due;
        }
    }

    private final Random random;
    private final String source;

    public RandomHistories(long seed, String source) {
        this.random = new Random(seed);
        this.source = source;
    }

    /** One history of dossier {@code dossierId}, received between {@code from} and 300 days later. */
    public History next(String dossierId, Instant from) {
        List<DossierEvent> events = new ArrayList<>();
        List<Pause> pauses = new ArrayList<>();
        Instant t = from.plusSeconds(random.nextLong(300L * 86_400)).plusNanos(fraction());
        boolean refused = random.nextInt(20) == 0;
        Instant baseDue = t.plusSeconds(3600 + random.nextLong(10L * 86_400));
        events.add(receipt(dossierId, refused ? EventType.REFUSED : EventType.RECEIVED, t));
        DossierStatus status = refused ? DossierStatus.REFUSED : DossierStatus.OPEN;
        Instant endedAt = null;
        int requests = 0;
        while (random.nextInt(6) != 0) {
            List<EventType> allowed = new ArrayList<>(status.allowed());
            if (requests >= 2) {
                allowed.remove(EventType.SUPPLEMENT_REQUESTED);
            }
            if (allowed.isEmpty()) {
                break;
            }
            EventType type = allowed.get(random.nextInt(allowed.size()));
            t = random.nextInt(8) == 0
                    ? t
                    : t.plusSeconds(1 + random.nextLong(4L * 86_400)).plusNanos(fraction());
            events.add(event(dossierId, events.size(), type, t));
            switch (type) {
                case SUPPLEMENT_REQUESTED -> {
                    requests++;
                    pauses.add(new Pause(t, null));
                    status = DossierStatus.WAITING_SUPPLEMENT;
                }
                case SUPPLEMENT_RECEIVED -> {
                    pauses.set(pauses.size() - 1, new Pause(pauses.getLast().start(), t));
                    status = DossierStatus.OPEN;
                }
                case RESOLVED, RESULT_RETURNED, STOPPED, WITHDRAWN -> {
                    endedAt = endedAt == null ? t : endedAt;
                    status = switch (type) {
                        case RESOLVED -> DossierStatus.RESOLVED;
                        case RESULT_RETURNED -> DossierStatus.RESULT_RETURNED;
                        case STOPPED -> DossierStatus.STOPPED;
                        default -> DossierStatus.WITHDRAWN;
                    };
                }
                default -> {}
            }
        }
        return new History(List.copyOf(events), baseDue, status, endedAt, List.copyOf(pauses), requests);
    }

    /** Whole seconds mostly, sometimes milliseconds or nanoseconds, as sources send them. */
    private long fraction() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000) * 1_000_000L;
            case 1 -> random.nextInt(1_000_000_000);
            default -> 0;
        };
    }

    private DossierEvent receipt(String dossierId, EventType type, Instant at) {
        Channel channel = Channel.values()[random.nextInt(3)];
        return new DossierEvent(
                source,
                dossierId + "-00",
                type,
                dossierId,
                at,
                null,
                null,
                channel,
                null,
                random.nextBoolean(),
                random.nextBoolean(),
                null,
                null,
                null,
                null);
    }

    /** Event ids grow with the walk, so that events at one instant keep their order by id. */
    private DossierEvent event(String dossierId, int index, EventType type, Instant at) {
        return new DossierEvent(
                source,
                "%s-%02d".formatted(dossierId, index),
                type,
                dossierId,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                type == EventType.DEADLINE_EXTENDED ? at.plusSeconds(86_400L * (1 + random.nextInt(9))) : null,
                type == EventType.PAID ? PaymentChannel.values()[random.nextInt(2)] : null,
                type == EventType.RESOLVED ? DossierEvent.Result.values()[random.nextInt(2)] : null,
                type == EventType.RATED ? Rating.values()[random.nextInt(3)] : null);
    }
}
