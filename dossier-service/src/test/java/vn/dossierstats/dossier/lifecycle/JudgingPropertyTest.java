package vn.dossierstats.dossier.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.dossierstats.dossier.lifecycle.RandomHistories.History;

/**
 * Judging against the oracle of {@link RandomHistories}: whatever the arrival order and the duplicates, a valid history
 * ends fully applied with the figures of in-order delivery, and an event that cannot apply is marked INVALID.
 */
class JudgingPropertyTest {

    private static final Instant FROM = Instant.parse("2025-12-31T17:00:00Z");
    private static final int MAX_SUPPLEMENT_REQUESTS = 1;

    @Property(tries = 400)
    void inOrderTheStateIsTheOracles(@ForAll long seed) {
        History history = new RandomHistories(seed, "s").next("D", FROM);
        DossierState state = judging(history).replay(history.events()).state();

        assertThat(state.status()).isEqualTo(history.status());
        assertThat(state.endedAt()).isEqualTo(history.endedAt());
        assertThat(state.dueAt()).isEqualTo(history.effectiveDue());
        assertThat(state.classification()).isEqualTo(history.classification(MAX_SUPPLEMENT_REQUESTS));
        for (Instant t : probes(history, new Random(seed))) {
            if (history.endedAt() != null && !t.isBefore(history.endedAt())) {
                continue; // once ended, the fact keeps when it was overdue from; "overdue now" is of open dossiers
            }
            assertThat(state.overdueSince(t) != null).as("overdue at %s", t).isEqualTo(history.overdueAt(t));
        }
    }

    @Property(tries = 400)
    void anyArrivalOrderWithDuplicatesEndsFullyAppliedWithTheInOrderState(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int duplicates) {
        History history = new RandomHistories(seed, "s").next("D", FROM);
        DossierHistory judging = judging(history);
        DossierState inOrder = judging.replay(history.events()).state();

        Random random = new Random(seed);
        List<DossierEvent> arrivals = new ArrayList<>(history.events());
        for (int i = 0; i < duplicates; i++) {
            arrivals.add(arrivals.get(random.nextInt(arrivals.size())));
        }
        Collections.shuffle(arrivals, random);
        Set<DossierEvent> held = new LinkedHashSet<>();
        for (DossierEvent arrival : arrivals) {
            if (!held.add(arrival)) {
                continue; // a duplicate: no second effect
            }
            DossierHistory.Replay now = judging.replay(held);
            assertThat(now.judgementOf(arrival).status())
                    .as("%s arriving after %s", arrival, held)
                    .isNotEqualTo(Judgement.Status.INVALID);
        }
        DossierHistory.Replay end = judging.replay(held);
        assertThat(end.judgements().values()).allMatch(Judgement::applied);
        assertThat(end.state()).isEqualTo(inOrder);
    }

    @Property(tries = 400)
    void anEventThatCannotApplyIsInvalidWhereverItArrivesAndChangesNothing(@ForAll long seed) {
        History history = new RandomHistories(seed, "s").next("D", FROM);
        Random random = new Random(seed);
        DossierEvent bad = impossible(history, random);
        DossierHistory judging = judging(history);
        DossierState valid = judging.replay(history.events()).state();

        List<DossierEvent> all = new ArrayList<>(history.events());
        all.add(random.nextInt(all.size() + 1), bad);
        DossierHistory.Replay judged = judging.replay(all);
        assertThat(judged.judgementOf(bad).status()).isEqualTo(Judgement.Status.INVALID);
        assertThat(judged.judgementOf(bad).reason()).isNotBlank();
        assertThat(judged.state()).isEqualTo(valid);
        history.events().forEach(e -> assertThat(judged.judgementOf(e)).isEqualTo(Judgement.APPLIED));
    }

    /** An event the rule says can never apply to this history: dated before the receipt, or after a final end. */
    private static DossierEvent impossible(History history, Random random) {
        DossierEvent receipt = history.events().getFirst();
        boolean final_ = history.status() == DossierStatus.STOPPED
                || history.status() == DossierStatus.WITHDRAWN
                || history.status() == DossierStatus.REFUSED
                || history.status() == DossierStatus.RESULT_RETURNED;
        Instant last = history.events().getLast().occurredAt();
        if (final_ && random.nextBoolean()) {
            EventType type = history.status() == DossierStatus.RESULT_RETURNED
                    ? EventType.STOPPED
                    : EventType.values()[2 + random.nextInt(EventType.values().length - 2)];
            return copy(receipt, "bad", type, last.plusSeconds(1 + random.nextInt(86_400)));
        }
        EventType type = EventType.values()[2 + random.nextInt(EventType.values().length - 2)];
        return copy(receipt, "bad", type, receipt.occurredAt().minusSeconds(1 + random.nextInt(86_400)));
    }

    private static DossierEvent copy(DossierEvent like, String eventId, EventType type, Instant at) {
        return new DossierEvent(
                like.source(),
                eventId,
                type,
                like.dossierId(),
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                type == EventType.DEADLINE_EXTENDED ? at : null,
                type == EventType.PAID ? DossierEvent.PaymentChannel.ONLINE : null,
                null,
                type == EventType.RATED ? DossierEvent.Rating.SATISFIED : null);
    }

    private static DossierHistory judging(History history) {
        return new DossierHistory(RandomHistories.ZONE, MAX_SUPPLEMENT_REQUESTS, receipt -> history.baseDue());
    }

    /** Instants on every edge: each event, each pause's ends, the due instants, a nanosecond either side; and random. */
    private static List<Instant> probes(History history, Random random) {
        List<Instant> edges = new ArrayList<>();
        history.events().forEach(e -> edges.add(e.occurredAt()));
        history.pauses().forEach(p -> {
            edges.add(p.start());
            if (p.end() != null) {
                edges.add(p.end());
            }
        });
        edges.add(history.baseDue());
        edges.add(history.effectiveDue());
        List<Instant> probes = new ArrayList<>();
        for (Instant edge : edges) {
            probes.add(edge.minusNanos(1));
            probes.add(edge);
            probes.add(edge.plusNanos(1));
        }
        Instant from = history.receivedAt();
        for (int i = 0; i < 20; i++) {
            probes.add(from.plus(Duration.ofSeconds(random.nextLong(40L * 86_400))));
        }
        return probes;
    }
}
