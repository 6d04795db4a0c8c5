package vn.dossierstats.dossier.dvcqg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierEvent.PaymentChannel;
import vn.dossierstats.dossier.lifecycle.EarliestEvent;
import vn.dossierstats.dossier.lifecycle.EventType;

/**
 * A snapshot is a state, not an event (dvcqg.md, "From snapshots to our events"): this turns the latest snapshot of a
 * dossier, with the progress items received for it, into the events our history of it lacks. Plain Java, no I/O: the
 * caller gives it the events already held and the instant of arrival.
 *
 * <p>Each event's id is derived from the snapshot's content ({@code MaHoSo}, the type and what identifies the event),
 * so a snapshot sent again derives the same events, which are already held: nothing is planned, and should two copies
 * race, ingestion's idempotency answers the second as a duplicate. Events are only ever added: a snapshot that
 * contradicts what is held (another unit, receipt or end instant) fails with the DVCQG field at fault, and nothing of
 * it applies. An event is planned only when its instant is known; what a status announces without one is listed in
 * {@link Plan#waitingFor()}.
 */
final class SnapshotTranslation {

    private static final int MAX_EVENT_ID = 100;
    private static final List<EventType> PROCESSING_ENDS =
            List.of(EventType.RESOLVED, EventType.STOPPED, EventType.WITHDRAWN);

    /** One event to submit, and the snapshot field it comes from (to name it if ingestion refuses the event). */
    record Planned(DossierEvent event, String field) {}

    /**
     * @param events the events to submit, in history order
     * @param waitingFor what the snapshot announces without an instant yet (e.g. "NgayKetThucXuLy"), for the view
     */
    record Plan(List<Planned> events, List<String> waitingFor) {}

    /**
     * What a translation needs besides the snapshot.
     *
     * @param unitCode our unit, resolved from the DVCQG code
     * @param arrivedAt the server's instant of arrival: an apology is dated at it
     * @param latestAllowed the latest instant an event may have (the server clock plus the allowed skew)
     * @param earliestAllowed the earliest instant an event may have (the statistics count nothing before it)
     */
    record Context(
            String source, String unitCode, Instant arrivedAt, Instant latestAllowed, EarliestEvent earliestAllowed) {}

    private SnapshotTranslation() {}

    /**
     * @param progress every progress item held for the dossier, in any order
     * @param held the dossier's events that count, from any source
     * @throws SnapshotFailure when the snapshot contradicts the history or dates an event in the future
     */
    static Plan translate(Context context, Snapshot snapshot, List<ProgressItem> progress, List<DossierEvent> held) {
        return new Run(context, snapshot, progress, held).plan();
    }

    /** The event id for a dossier, a type and what identifies the event within it; at most 100 characters. */
    static String eventId(String dossierCode, EventType type, String key) {
        String id = dossierCode + "/" + type.name() + "/" + key;
        if (id.length() <= MAX_EVENT_ID) {
            return id;
        }
        // a long MaHoSo: still derived from the content alone, and still readable by its type
        return type.name() + "/" + sha256(id).substring(0, 64);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One translation: the snapshot, what is held, and the plan as it grows. */
    private static final class Run {

        private final Context context;
        private final Snapshot snapshot;
        private final List<ProgressItem> progress;
        private final List<DossierEvent> held;
        private final List<Planned> planned = new ArrayList<>();
        private final List<String> waitingFor = new ArrayList<>();
        private final Integer status;

        Run(Context context, Snapshot snapshot, List<ProgressItem> progress, List<DossierEvent> held) {
            this.context = context;
            this.snapshot = snapshot;
            this.progress = progress.stream()
                    .filter(item -> item.dossierCode().equals(snapshot.dossierCode()))
                    .sorted(Comparator.comparing(ProgressItem::at).thenComparing(ProgressItem::status))
                    .toList();
            this.held = held;
            this.status = snapshot.status();
        }

        Plan plan() {
            DossierEvent receipt = receipt();
            if (receipt != null && receipt.type() == EventType.RECEIVED) {
                payment(receipt);
                supplements();
                apology(receipt);
                end();
                returned();
            }
            planned.sort(Comparator.comparing(p -> p.event(), DossierEvent.HISTORY_ORDER));
            return new Plan(List.copyOf(planned), List.copyOf(waitingFor));
        }

        /** The dossier's receipt, held or planned now; null when the snapshot cannot date one yet. */
        private DossierEvent receipt() {
            boolean refused = is(3) || snapshot.refusedAt() != null;
            Instant receivedAt = snapshot.receivedAt() != null ? snapshot.receivedAt() : snapshot.submittedAt();
            String receivedField = snapshot.receivedAt() != null ? "NgayTiepNhan" : "NgayNopHoSo";
            Optional<DossierEvent> heldReceipt =
                    held.stream().filter(e -> e.type().startsDossier()).findFirst();
            if (heldReceipt.isPresent()) {
                DossierEvent known = heldReceipt.get();
                if (!known.unitCode().equals(context.unitCode())) {
                    throw new SnapshotFailure(
                            "madonvi",
                            "the dossier belongs to unit " + known.unitCode() + ", not " + context.unitCode()
                                    + "; events are only ever added");
                }
                if (refused != (known.type() == EventType.REFUSED) && !is(1)) {
                    throw new SnapshotFailure(
                            "TrangThaiHoSo",
                            "the dossier's receipt is " + known.type() + " at " + known.occurredAt() + ", status "
                                    + status + " contradicts it");
                }
                Instant expected = refused && snapshot.refusedAt() != null ? snapshot.refusedAt() : receivedAt;
                if (expected != null && !is(1) && !expected.equals(known.occurredAt())) {
                    throw new SnapshotFailure(
                            refused && snapshot.refusedAt() != null ? "NgayTuChoi" : receivedField,
                            "is " + expected + " but the dossier's " + known.type() + " at " + known.occurredAt()
                                    + " is already applied; events are only ever added");
                }
                return known;
            }
            if (refused) {
                Instant at = snapshot.refusedAt() != null ? snapshot.refusedAt() : receivedAt;
                if (at == null) {
                    waitingFor.add("NgayTuChoi");
                    return null;
                }
                return plan(
                        receiptEvent(EventType.REFUSED, at),
                        snapshot.refusedAt() != null ? "NgayTuChoi" : receivedField);
            }
            if (is(1)) {
                return null; // submitted online, not accepted yet: no dossier yet
            }
            if (receivedAt == null) {
                waitingFor.add("NgayTiepNhan");
                return null;
            }
            if (snapshot.dueAt() != null && snapshot.dueAt().isBefore(receivedAt)) {
                throw new SnapshotFailure("NgayHenTra", "is before the receipt " + receivedAt);
            }
            return plan(receiptEvent(EventType.RECEIVED, receivedAt), receivedField);
        }

        private DossierEvent receiptEvent(EventType type, Instant at) {
            return new DossierEvent(
                    context.source(),
                    eventId(snapshot.dossierCode(), type, at.toString()),
                    type,
                    snapshot.dossierCode(),
                    at,
                    context.unitCode(),
                    snapshot.procedureCode(),
                    snapshot.channel(),
                    type == EventType.RECEIVED ? snapshot.dueAt() : null,
                    snapshot.digitized(),
                    snapshot.feeBearing() || snapshot.paidOnline(),
                    null,
                    null,
                    null,
                    null);
        }

        /** One online payment, at the receipt instant: the snapshot says it was paid, not when. */
        private void payment(DossierEvent receipt) {
            if (snapshot.paidOnline()) {
                plan(
                        event(EventType.PAID, "ONLINE", receipt.occurredAt(), null, PaymentChannel.ONLINE),
                        "DuocThanhToanTrucTuyen");
            }
        }

        /**
         * Supplement rounds of the snapshot; where it has none, the progress items: one with status 5 dates the
         * request, the next with another status its end (unless that one ends the dossier while it waits).
         */
        private void supplements() {
            List<Snapshot.SupplementRound> rounds = snapshot.supplements();
            for (int i = 0; i < rounds.size(); i++) {
                Snapshot.SupplementRound round = rounds.get(i);
                String field = "DanhSachHoSoBoSung[" + i + "].";
                if (round.requestedAt() != null) {
                    plan(
                            event(EventType.SUPPLEMENT_REQUESTED, round.id(), round.requestedAt(), null, null),
                            field + "NgayBoSung");
                }
                if (round.receivedAt() != null) {
                    plan(
                            event(EventType.SUPPLEMENT_RECEIVED, round.id(), round.receivedAt(), null, null),
                            field + "NgayTiepNhanBoSung");
                }
            }
            if (!rounds.isEmpty()) {
                return;
            }
            boolean paused = false;
            for (ProgressItem item : progress) {
                if (item.status() == 5 && !paused) {
                    plan(
                            event(EventType.SUPPLEMENT_REQUESTED, "p" + item.at(), item.at(), null, null),
                            "CapNhatTienDoHoSoMC.ThoiDiemXuLy");
                    paused = true;
                } else if (item.status() != 5 && paused) {
                    if (item.status() != 7 && item.status() != 8) {
                        plan(
                                event(EventType.SUPPLEMENT_RECEIVED, "p" + item.at(), item.at(), null, null),
                                "CapNhatTienDoHoSoMC.ThoiDiemXuLy");
                    }
                    paused = false;
                }
            }
            if (is(5) && !paused && noneHeld(EventType.SUPPLEMENT_REQUESTED)) {
                waitingFor.add("NgayBoSung");
            }
        }

        /**
         * A later appointment than the receipt's, without a supplement that would explain it, is an apology, dated at
         * its arrival. Once the dossier has ended an apology changes nothing, so none is made.
         */
        private void apology(DossierEvent receipt) {
            Instant newDue = snapshot.dueAt();
            if (newDue == null || receipt.dueAt() == null || newDue.equals(receipt.dueAt())) {
                return;
            }
            boolean supplemented = !snapshot.supplements().isEmpty()
                    || progress.stream().anyMatch(item -> item.status() == 5)
                    || !noneHeld(EventType.SUPPLEMENT_REQUESTED);
            boolean ended = snapshot.endedAt() != null
                    || snapshot.returnedAt() != null
                    || held.stream()
                            .anyMatch(e -> PROCESSING_ENDS.contains(e.type()) || e.type() == EventType.RESULT_RETURNED);
            if (supplemented || ended) {
                return;
            }
            String id = eventId(snapshot.dossierCode(), EventType.DEADLINE_EXTENDED, newDue.toString());
            if (held.stream().anyMatch(e -> e.eventId().equals(id) && e.source().equals(context.source()))) {
                return; // the same apology, sent again: its arrival instant would differ, so it is not re-planned
            }
            Instant at =
                    context.arrivedAt().isBefore(receipt.occurredAt()) ? receipt.occurredAt() : context.arrivedAt();
            plan(event(EventType.DEADLINE_EXTENDED, newDue.toString(), at, newDue, null), "NgayHenTra");
        }

        /**
         * {@code NgayKetThucXuLy} ends processing: WITHDRAWN (status 7), STOPPED (8), else RESOLVED — unless a progress
         * item explains a status the source rewrote to 9 (TD: 8 → 9) by a 7 or 8. Without {@code NgayKetThucXuLy} a
         * progress item with status 7 or 8 dates the end.
         */
        private void end() {
            Optional<ProgressItem> explained = progress.stream()
                    .filter(i -> i.status() == 7 || i.status() == 8)
                    .findFirst();
            EventType type = is(7)
                    ? EventType.WITHDRAWN
                    : is(8)
                            ? EventType.STOPPED
                            : explained
                                    .map(i -> i.status() == 7 ? EventType.WITHDRAWN : EventType.STOPPED)
                                    .orElse(EventType.RESOLVED);
            Instant at = snapshot.endedAt() != null
                    ? snapshot.endedAt()
                    : explained.map(ProgressItem::at).orElse(null);
            String field = snapshot.endedAt() != null ? "NgayKetThucXuLy" : "CapNhatTienDoHoSoMC.ThoiDiemXuLy";
            Optional<DossierEvent> heldEnd = held.stream()
                    .filter(e -> PROCESSING_ENDS.contains(e.type()))
                    .findFirst();
            if (at == null) {
                if ((is(7) || is(8) || is(9)) && heldEnd.isEmpty()) {
                    waitingFor.add("NgayKetThucXuLy");
                }
                return;
            }
            if (heldEnd.isPresent()) {
                DossierEvent known = heldEnd.get();
                if (!known.occurredAt().equals(at)) {
                    throw new SnapshotFailure(
                            field,
                            "is " + at + " but the dossier's " + known.type() + " at " + known.occurredAt()
                                    + " is already applied; events are only ever added");
                }
                if (known.type() != type) {
                    throw new SnapshotFailure(
                            "TrangThaiHoSo",
                            "says " + type + " but the dossier's " + known.type() + " is already applied");
                }
                return;
            }
            plan(event(type, at.toString(), at, null, null), field);
        }

        /** {@code NgayTra}: the result handed over (with status 10 and no end before, it also ends processing). */
        private void returned() {
            Instant at = snapshot.returnedAt();
            Optional<DossierEvent> heldReturn = held.stream()
                    .filter(e -> e.type() == EventType.RESULT_RETURNED)
                    .findFirst();
            if (at == null) {
                if (is(10) && heldReturn.isEmpty()) {
                    waitingFor.add("NgayTra");
                }
                return;
            }
            if (heldReturn.isPresent()) {
                if (!heldReturn.get().occurredAt().equals(at)) {
                    throw new SnapshotFailure(
                            "NgayTra",
                            "is " + at + " but the dossier's RESULT_RETURNED at "
                                    + heldReturn.get().occurredAt()
                                    + " is already applied; events are only ever added");
                }
                return;
            }
            plan(event(EventType.RESULT_RETURNED, at.toString(), at, null, null), "NgayTra");
        }

        private DossierEvent event(
                EventType type, String key, Instant at, Instant newDueAt, PaymentChannel paymentChannel) {
            return new DossierEvent(
                    context.source(),
                    eventId(snapshot.dossierCode(), type, key),
                    type,
                    snapshot.dossierCode(),
                    at,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    newDueAt,
                    paymentChannel,
                    null,
                    null);
        }

        /**
         * Adds the event unless the same one is held; one held under the same id with another instant is a
         * contradiction; one dated in the future is invalid.
         */
        private DossierEvent plan(DossierEvent event, String field) {
            if (event.occurredAt().isAfter(context.latestAllowed())) {
                throw new SnapshotFailure(field, "is in the future: " + event.occurredAt());
            }
            if (context.earliestAllowed().isAfter(event.occurredAt())) {
                throw new SnapshotFailure(field, context.earliestAllowed().refusal());
            }
            for (DossierEvent known : held) {
                if (known.source().equals(event.source()) && known.eventId().equals(event.eventId())) {
                    if (!known.occurredAt().equals(event.occurredAt())
                            || !Objects.equals(known.newDueAt(), event.newDueAt())) {
                        throw new SnapshotFailure(
                                field,
                                "is " + event.occurredAt() + " but " + known.type() + " " + known.eventId() + " at "
                                        + known.occurredAt() + " is already applied; events are only ever added");
                    }
                    return known;
                }
            }
            planned.add(new Planned(event, field));
            return event;
        }

        private boolean noneHeld(EventType type) {
            return held.stream().noneMatch(e -> e.type() == type)
                    && planned.stream().noneMatch(p -> p.event().type() == type);
        }

        private boolean is(int code) {
            return status != null && status == code;
        }
    }
}
