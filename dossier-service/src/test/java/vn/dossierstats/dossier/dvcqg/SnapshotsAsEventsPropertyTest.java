package vn.dossierstats.dossier.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.PaymentChannel;
import vn.dossierstats.dossier.lifecycle.DossierHistory;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.lifecycle.EventType;
import vn.dossierstats.dossier.lifecycle.Judgement;

/**
 * Acceptance 2 of issue 20: random dossier histories, pushed as the snapshots a source sends (each dossier's successive
 * states in order, dossiers interleaved at random, some snapshots sent again, even late), give every dossier the state
 * that sending the equivalent events gives. A dossier's facts, and so every report, are a function of that state
 * (receipt, channel, flags, due instant, end, classification, payment), so equal states mean equal reports.
 */
class SnapshotsAsEventsPropertyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant FROM = Instant.parse("2026-01-01T01:00:00Z");
    private static final String SOURCE = "src-td";
    private static final DossierHistory JUDGING = new DossierHistory(
            ZONE,
            1,
            receipt -> receipt.dueAt() != null
                    ? receipt.dueAt()
                    : receipt.occurredAt().plus(Duration.ofDays(5)));

    /** A generated dossier: the events a source would send, and the snapshots that tell the same story. */
    private record Generated(String code, List<DossierEvent> events, List<Snapshot> snapshots) {}

    @Property(tries = 300)
    void snapshotsGiveTheStateOfTheEquivalentEvents(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int dossiers,
            @ForAll @IntRange(min = 0, max = 4) int resends) {
        Random random = new Random(seed);
        List<Generated> generated = new ArrayList<>();
        for (int d = 0; d < dossiers; d++) {
            generated.add(generate("000.00.01.H22-260101-" + d, random));
        }
        List<Snapshot> pushes = interleave(generated, random);
        for (int i = 0; i < resends; i++) {
            // sent again, at once or later (a retry after a lost answer, a re-sync): never before the first time
            int original = random.nextInt(pushes.size());
            pushes.add(original + 1 + random.nextInt(pushes.size() - original), pushes.get(original));
        }
        Instant latestAllowed = FROM.plus(Duration.ofDays(400));

        Map<String, List<DossierEvent>> held = new HashMap<>();
        for (Snapshot snapshot : pushes) {
            List<DossierEvent> history = held.computeIfAbsent(snapshot.dossierCode(), c -> new ArrayList<>());
            SnapshotTranslation.Plan plan = SnapshotTranslation.translate(
                    new SnapshotTranslation.Context(
                            SOURCE, "H22.1", pushedAt(snapshot), latestAllowed, SnapshotTranslationTest.EARLIEST),
                    snapshot,
                    List.of(),
                    history);
            for (SnapshotTranslation.Planned planned : plan.events()) {
                DossierEvent event = planned.event();
                assertThat(history).noneMatch(e -> e.eventId().equals(event.eventId()));
                List<DossierEvent> with = new ArrayList<>(history);
                with.add(event);
                Judgement judgement = JUDGING.replay(with).judgementOf(event);
                assertThat(judgement.invalid())
                        .as("%s is refused: %s", event, judgement.reason())
                        .isFalse();
                history.add(event);
            }
        }

        for (Generated dossier : generated) {
            DossierState expected = JUDGING.replay(dossier.events()).state();
            List<DossierEvent> history = held.getOrDefault(dossier.code(), List.of());
            DossierHistory.Replay replay = JUDGING.replay(history);
            DossierState actual = replay.state();
            assertThat(replay.judgements().values()).allMatch(Judgement::applied);
            assertThat(actual.status()).isEqualTo(expected.status());
            assertThat(actual.receivedAt()).isEqualTo(expected.receivedAt());
            assertThat(actual.unitCode()).isEqualTo(expected.unitCode());
            assertThat(actual.procedureCode()).isEqualTo(expected.procedureCode());
            assertThat(actual.channel()).isEqualTo(expected.channel());
            assertThat(actual.digitized()).isEqualTo(expected.digitized());
            assertThat(actual.feeRequired()).isEqualTo(expected.feeRequired());
            assertThat(actual.dueAt()).isEqualTo(expected.dueAt());
            assertThat(actual.overdueFrom()).isEqualTo(expected.overdueFrom());
            assertThat(actual.pausedSince()).isEqualTo(expected.pausedSince());
            assertThat(actual.supplementRequests()).isEqualTo(expected.supplementRequests());
            assertThat(actual.endedAt()).isEqualTo(expected.endedAt());
            assertThat(actual.classification()).isEqualTo(expected.classification());
            assertThat(actual.paidOnlineAt()).isEqualTo(expected.paidOnlineAt());
        }
    }

    /** A source pushes a dossier as soon as it changes: at the latest instant its snapshot holds. */
    private static Instant pushedAt(Snapshot snapshot) {
        List<Instant> dates = new ArrayList<>();
        for (Instant date : new Instant[] {
            snapshot.submittedAt(),
            snapshot.receivedAt(),
            snapshot.endedAt(),
            snapshot.returnedAt(),
            snapshot.refusedAt()
        }) {
            if (date != null) {
                dates.add(date);
            }
        }
        snapshot.supplements().forEach(round -> {
            if (round.requestedAt() != null) {
                dates.add(round.requestedAt());
            }
            if (round.receivedAt() != null) {
                dates.add(round.receivedAt());
            }
        });
        return dates.stream().max(Instant::compareTo).orElse(FROM);
    }

    /** Each dossier's snapshots in its own order, the dossiers' merged at random. */
    private static List<Snapshot> interleave(List<Generated> generated, Random random) {
        List<Snapshot> pushes = new ArrayList<>();
        int[] next = new int[generated.size()];
        int left = generated.stream().mapToInt(g -> g.snapshots().size()).sum();
        while (left > 0) {
            int d = random.nextInt(generated.size());
            if (next[d] < generated.get(d).snapshots().size()) {
                pushes.add(generated.get(d).snapshots().get(next[d]++));
                left--;
            }
        }
        return pushes;
    }

    /** A dossier's life within what DVCQG can say: receipt or refusal, supplement rounds, an end, the return. */
    private static Generated generate(String code, Random random) {
        List<DossierEvent> events = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        Instant t = FROM.plusSeconds(random.nextLong(200L * 86_400));
        Channel channel = Channel.values()[random.nextInt(3)];
        boolean digitized = random.nextBoolean();
        boolean fee = random.nextBoolean();
        boolean paid = random.nextInt(3) == 0;
        Instant due = random.nextBoolean() ? null : t.plusSeconds(3600 + random.nextLong(15L * 86_400));
        State state = new State(code, channel, digitized, fee, paid);
        if (random.nextInt(3) == 0) {
            snapshots.add(state.with(1).submitted(t.minusSeconds(600)).snapshot());
        }
        if (random.nextInt(10) == 0) {
            events.add(receipt(code, EventType.REFUSED, t, channel, null, digitized, fee || paid));
            snapshots.add(
                    state.with(3).submitted(t.minusSeconds(600)).refused(t).snapshot());
            return new Generated(code, events, snapshots);
        }
        events.add(receipt(code, EventType.RECEIVED, t, channel, due, digitized, fee || paid));
        if (paid) {
            events.add(event(code, EventType.PAID, t, PaymentChannel.ONLINE));
        }
        state = state.with(2).received(t, due);
        snapshots.add(state.snapshot());
        int rounds = random.nextInt(3);
        boolean openRound = false;
        for (int r = 0; r < rounds; r++) {
            t = later(t, random);
            events.add(event(code, EventType.SUPPLEMENT_REQUESTED, t, null));
            state = state.with(5).request(String.valueOf(r + 1), t);
            snapshots.add(state.snapshot());
            if (r == rounds - 1 && random.nextInt(3) == 0) {
                openRound = true;
                break;
            }
            t = later(t, random);
            events.add(event(code, EventType.SUPPLEMENT_RECEIVED, t, null));
            state = state.with(4).supplied(t);
            snapshots.add(state.snapshot());
        }
        if (rounds == 0 && due != null && random.nextInt(4) == 0) {
            // an apology: a later appointment, which moves no figure (dated at its arrival, so not among the events)
            snapshots.add(state.with(4).due(due.plus(Duration.ofDays(2))).snapshot());
            state = state.due(due);
        }
        int end = random.nextInt(5);
        if (end == 0) {
            return new Generated(code, events, snapshots); // still open (or waiting)
        }
        t = later(t, random);
        if (openRound) {
            EventType type = random.nextBoolean() ? EventType.STOPPED : EventType.WITHDRAWN;
            events.add(event(code, type, t, null));
            snapshots.add(state.with(type == EventType.STOPPED ? 8 : 7).ended(t).snapshot());
            return new Generated(code, events, snapshots);
        }
        if (end == 1) {
            // status 10 with only NgayTra: the return ends processing
            events.add(event(code, EventType.RESULT_RETURNED, t, null));
            snapshots.add(state.with(10).returned(t).snapshot());
            return new Generated(code, events, snapshots);
        }
        EventType type =
                end == 2 ? (random.nextBoolean() ? EventType.STOPPED : EventType.WITHDRAWN) : EventType.RESOLVED;
        events.add(event(code, type, t, null));
        state = state.with(type == EventType.RESOLVED ? 9 : type == EventType.STOPPED ? 8 : 7)
                .ended(t);
        snapshots.add(state.snapshot());
        if (type == EventType.RESOLVED && random.nextBoolean()) {
            t = random.nextInt(4) == 0 ? t : later(t, random);
            events.add(event(code, EventType.RESULT_RETURNED, t, null));
            snapshots.add(state.with(10).returned(t).snapshot());
        }
        return new Generated(code, events, snapshots);
    }

    private static Instant later(Instant t, Random random) {
        return t.plusSeconds(1 + random.nextLong(5L * 86_400));
    }

    private static DossierEvent receipt(
            String code, EventType type, Instant at, Channel channel, Instant due, boolean digitized, boolean fee) {
        return new DossierEvent(
                "src-events",
                code + "-r",
                type,
                code,
                at,
                "H22.1",
                "1.004227",
                channel,
                due,
                digitized,
                fee,
                null,
                null,
                null,
                null);
    }

    private static DossierEvent event(String code, EventType type, Instant at, PaymentChannel paymentChannel) {
        return new DossierEvent(
                "src-events",
                code + "-" + type + "-" + at,
                type,
                code,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                paymentChannel,
                null,
                null);
    }

    /** A dossier's state as a one-stop system holds it, and the snapshot it pushes of it. */
    private record State(
            String code,
            Channel channel,
            boolean digitized,
            boolean fee,
            boolean paid,
            Integer status,
            Instant submittedAt,
            Instant receivedAt,
            Instant dueAt,
            Instant endedAt,
            Instant returnedAt,
            Instant refusedAt,
            List<Snapshot.SupplementRound> rounds) {

        State(String code, Channel channel, boolean digitized, boolean fee, boolean paid) {
            this(code, channel, digitized, fee, paid, null, null, null, null, null, null, null, List.of());
        }

        State with(int newStatus) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    newStatus,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    rounds);
        }

        State submitted(Instant at) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    at,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    rounds);
        }

        State received(Instant at, Instant due) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    at,
                    due,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    rounds);
        }

        State due(Instant due) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    due,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    rounds);
        }

        State refused(Instant at) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    at,
                    rounds);
        }

        State ended(Instant at) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    at,
                    returnedAt,
                    refusedAt,
                    rounds);
        }

        State returned(Instant at) {
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    at,
                    refusedAt,
                    rounds);
        }

        State request(String id, Instant at) {
            List<Snapshot.SupplementRound> more = new ArrayList<>(rounds);
            more.add(new Snapshot.SupplementRound(id, at, null));
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    more);
        }

        State supplied(Instant at) {
            List<Snapshot.SupplementRound> more = new ArrayList<>(rounds);
            Snapshot.SupplementRound last = more.removeLast();
            more.add(new Snapshot.SupplementRound(last.id(), last.requestedAt(), at));
            return new State(
                    code,
                    channel,
                    digitized,
                    fee,
                    paid,
                    status,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    more);
        }

        Snapshot snapshot() {
            return new Snapshot(
                    code,
                    "1.004227",
                    null,
                    status,
                    channel,
                    submittedAt,
                    receivedAt,
                    dueAt,
                    endedAt,
                    returnedAt,
                    refusedAt,
                    rounds,
                    digitized,
                    fee,
                    paid,
                    false);
        }
    }
}
