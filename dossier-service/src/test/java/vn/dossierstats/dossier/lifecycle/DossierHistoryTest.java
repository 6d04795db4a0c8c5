package vn.dossierstats.dossier.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;

class DossierHistoryTest {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant DUE = at("2026-07-08T17:00");
    private final DossierHistory history = new DossierHistory(HCM, 1, receipt -> DUE);

    @Test
    void resolvingOnAnEarlierDayIsEarly() {
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-07T09:00"));
        assertThat(replay.state().classification()).isEqualTo(Classification.EARLY);
        assertThat(replay.state().status()).isEqualTo(DossierStatus.RESOLVED);
    }

    @Test
    void resolvingOnTheDueDayBeforeTheDueInstantIsOnTime() {
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-08T16:59"));
        assertThat(replay.state().classification()).isEqualTo(Classification.ON_TIME);
    }

    @Test
    void resolvingAfterTheDueInstantIsLate() {
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-08T17:01"));
        assertThat(replay.state().classification()).isEqualTo(Classification.LATE);
        assertThat(replay.state().overdueSince(at("2026-07-20T00:00"))).isEqualTo(DUE);
    }

    @Test
    void anEventBeforeItsReceiptWaitsAndAppliesWhenTheReceiptArrives() {
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-07T09:00");
        Replay pending = replay(resolved);
        assertThat(pending.received()).isFalse();
        assertThat(pending.judgementOf(resolved).status()).isEqualTo(Judgement.Status.WAITING);
        assertThat(pending.judgementOf(resolved).reason()).contains("RECEIVED");

        Replay applied = replay(resolved, received("2026-07-06T08:00"));
        assertThat(applied.judgementOf(resolved)).isEqualTo(Judgement.APPLIED);
        assertThat(applied.state().classification()).isEqualTo(Classification.EARLY);
    }

    @Test
    void resolvingTwiceIsInvalidAndNamesTheState() {
        DossierEvent second = event(EventType.RESOLVED, "2026-07-07T10:00");
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-07T09:00"), second);
        assertThat(replay.judgementOf(second).status()).isEqualTo(Judgement.Status.INVALID);
        assertThat(replay.judgementOf(second).reason()).contains("the dossier is RESOLVED");
    }

    @Test
    void anEventDatedBeforeTheReceiptIsInvalid() {
        DossierEvent early = event(EventType.RESOLVED, "2026-07-05T09:00");
        Replay replay = replay(early, received("2026-07-06T08:00"));
        assertThat(replay.judgementOf(early).status()).isEqualTo(Judgement.Status.INVALID);
        assertThat(replay.state().classification()).isNull();
    }

    @Test
    void aSupplementPauseExtendsTheEffectiveDueByItsDuration() {
        Replay replay = replay(
                received("2026-07-06T08:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"),
                event(EventType.SUPPLEMENT_RECEIVED, "2026-07-09T08:00"),
                event(EventType.RESOLVED, "2026-07-10T16:00"));
        assertThat(replay.state().dueAt()).isEqualTo(at("2026-07-10T17:00"));
        assertThat(replay.state().classification()).isEqualTo(Classification.ON_TIME);
    }

    @Test
    void aPauseOverAWeekendCountsInWallClockTime() {
        // due Tuesday 14 July 17:00; paused Friday 17:00 to Monday 07:00: 62 hours more, due Friday 17 July 07:00
        Instant due = at("2026-07-14T17:00");
        for (String[] c : new String[][] {
            {"2026-07-16T16:00", "EARLY"}, {"2026-07-17T06:59", "ON_TIME"}, {"2026-07-17T07:01", "LATE"}
        }) {
            Replay replay = new DossierHistory(HCM, 1, e -> due)
                    .replay(List.of(
                            received("2026-07-06T08:00"),
                            event(EventType.SUPPLEMENT_REQUESTED, "2026-07-10T17:00"),
                            event(EventType.SUPPLEMENT_RECEIVED, "2026-07-13T07:00"),
                            event(EventType.RESOLVED, c[0])));
            assertThat(replay.state().dueAt()).isEqualTo(at("2026-07-17T07:00"));
            assertThat(replay.state().classification()).as(c[0]).hasToString(c[1]);
        }
    }

    @Test
    void moreThanOneSupplementRequestMakesTheEndLate() {
        Replay replay = replay(
                received("2026-07-06T08:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-06T09:00"),
                event(EventType.SUPPLEMENT_RECEIVED, "2026-07-06T10:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-06T11:00"),
                event(EventType.SUPPLEMENT_RECEIVED, "2026-07-06T11:10"),
                event(EventType.RESOLVED, "2026-07-06T15:00"));
        assertThat(replay.state().classification()).isEqualTo(Classification.LATE);
    }

    @Test
    void stoppingWhileWaitingIsJudgedAtThePauseStart() {
        Replay replay = replay(
                received("2026-07-06T08:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"),
                event(EventType.STOPPED, "2026-07-20T08:00"));
        assertThat(replay.state().classification()).isEqualTo(Classification.EARLY);
        assertThat(replay.state().endedAt()).isEqualTo(at("2026-07-20T08:00"));
    }

    @Test
    void anApologyRecordsTheNewAppointmentButTheDossierStaysLate() {
        Replay replay = replay(
                received("2026-07-06T08:00"),
                event(EventType.DEADLINE_EXTENDED, "2026-07-08T10:00"),
                event(EventType.RESOLVED, "2026-07-09T10:00"));
        assertThat(replay.state().extendedDueAt()).isEqualTo(at("2026-07-10T17:00"));
        assertThat(replay.state().classification()).isEqualTo(Classification.LATE);
    }

    @Test
    void aRefusedDossierIsNeverClassified() {
        DossierEvent refused = new DossierEvent(
                "s",
                "r",
                EventType.REFUSED,
                "D",
                at("2026-07-06T08:00"),
                "U",
                "P",
                Channel.DIRECT,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-07T08:00");
        Replay replay = replay(refused, resolved);
        assertThat(replay.state().status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(replay.judgementOf(resolved).status()).isEqualTo(Judgement.Status.INVALID);
        assertThat(replay.state().classification()).isNull();
    }

    @Test
    void arrivalOrderNeverChangesTheResult() {
        List<DossierEvent> events = new ArrayList<>(List.of(
                received("2026-07-06T08:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"),
                event(EventType.SUPPLEMENT_RECEIVED, "2026-07-08T08:00"),
                event(EventType.PAID, "2026-07-08T09:00"),
                event(EventType.RESOLVED, "2026-07-09T16:00"),
                event(EventType.RESULT_RETURNED, "2026-07-10T08:00")));
        DossierState expected = history.replay(events).state();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(events, random);
            assertThat(history.replay(events).state()).isEqualTo(expected);
        }
    }

    @Test
    void aRatingBeforeItsResolutionWaitsThenApplies() {
        DossierEvent rated = event(EventType.RATED, "2026-07-08T10:00");
        Replay waiting = replay(received("2026-07-06T08:00"), rated);
        assertThat(waiting.judgementOf(rated).status()).isEqualTo(Judgement.Status.WAITING);
        assertThat(waiting.judgementOf(rated).reason()).contains("OPEN").contains("RESOLVED");

        Replay applied = replay(received("2026-07-06T08:00"), rated, event(EventType.RESOLVED, "2026-07-07T10:00"));
        assertThat(applied.judgementOf(rated)).isEqualTo(Judgement.APPLIED);
        assertThat(applied.state().status()).isEqualTo(DossierStatus.RESOLVED);
    }

    @Test
    void aResolutionDuringAPauseWaitsForTheSupplementThatEndsIt() {
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-09T10:00");
        Replay waiting = replay(
                received("2026-07-06T08:00"), event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"), resolved);
        assertThat(waiting.judgementOf(resolved).status()).isEqualTo(Judgement.Status.WAITING);
        assertThat(waiting.judgementOf(resolved).reason())
                .contains("WAITING_SUPPLEMENT")
                .contains("SUPPLEMENT_RECEIVED");
        assertThat(waiting.state().status()).isEqualTo(DossierStatus.WAITING_SUPPLEMENT);
    }

    @Test
    void aSupplementRequestDatedAfterTheResolutionIsInvalid() {
        DossierEvent late = event(EventType.SUPPLEMENT_REQUESTED, "2026-07-09T10:00");
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-08T08:00"), late);
        assertThat(replay.judgementOf(late).status()).isEqualTo(Judgement.Status.INVALID);
    }

    @Test
    void aSecondReceiptIsInvalidWhateverItsDate() {
        DossierEvent second = new DossierEvent(
                "s",
                "rcv-2",
                EventType.RECEIVED,
                "D",
                at("2026-07-07T08:00"),
                "U",
                "P",
                Channel.ONLINE,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Replay replay = replay(received("2026-07-06T08:00"), second);
        assertThat(replay.judgementOf(second).status()).isEqualTo(Judgement.Status.INVALID);
    }

    @Test
    void eventsAtTheSameInstantApplyInTheOrderTheStateAllows() {
        // RATED sorts after RESOLVED anyway; SUPPLEMENT_RECEIVED sorts after SUPPLEMENT_REQUESTED: both apply
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-08T10:00");
        DossierEvent rated = event(EventType.RATED, "2026-07-08T10:00");
        DossierEvent returned = event(EventType.RESULT_RETURNED, "2026-07-08T10:00");
        Replay replay = replay(received("2026-07-06T08:00"), rated, returned, resolved);
        assertThat(replay.judgements().values()).allMatch(Judgement::applied);
        assertThat(replay.state().status()).isEqualTo(DossierStatus.RESULT_RETURNED);
    }

    @Test
    void aSupplementReceivedWithTheResolutionThatFollowedItWaitsForItsRequestThenBothApply() {
        // found by JudgingPropertyTest: the request not arrived yet, the RESOLVED at the same instant applied first
        DossierEvent supplied = event(EventType.SUPPLEMENT_RECEIVED, "2026-07-08T10:00");
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-08T10:00");
        Replay waiting = replay(received("2026-07-06T08:00"), resolved, supplied);
        assertThat(waiting.judgementOf(resolved)).isEqualTo(Judgement.APPLIED);
        assertThat(waiting.judgementOf(supplied).status()).isEqualTo(Judgement.Status.WAITING);

        Replay applied = replay(
                received("2026-07-06T08:00"),
                resolved,
                supplied,
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T09:00"));
        assertThat(applied.judgements().values()).allMatch(Judgement::applied);
        assertThat(applied.state().status()).isEqualTo(DossierStatus.RESOLVED);
    }

    @Test
    void twoEndsAtTheSameInstantStayOneAppliedAndOneInvalid() {
        DossierEvent resolved = event(EventType.RESOLVED, "2026-07-08T10:00");
        DossierEvent stopped = event(EventType.STOPPED, "2026-07-08T10:00");
        Replay replay = replay(received("2026-07-06T08:00"), stopped, resolved);
        assertThat(replay.judgementOf(resolved)).isEqualTo(Judgement.APPLIED);
        assertThat(replay.judgementOf(stopped).status()).isEqualTo(Judgement.Status.INVALID);
    }

    @Test
    void overdueAtAPastInstantIgnoresAPauseThatBeganLater() {
        // issue 16: due 2012-12-21 17:00; paused 12-23 12:28 to 12-31 21:16 (overdue already when it began); a second
        // pause 2013-01-05 22:06 to 01-10 23:52 must not make the dossier within its deadline at the end of 01-02
        DossierHistory calendarDay = new DossierHistory(HCM, 9, e -> at("2012-12-21T17:00"));
        Replay replay = calendarDay.replay(List.of(
                received("2012-12-20T07:25"),
                event(EventType.SUPPLEMENT_REQUESTED, "2012-12-23T12:28"),
                event(EventType.SUPPLEMENT_RECEIVED, "2012-12-31T21:16"),
                event(EventType.SUPPLEMENT_REQUESTED, "2013-01-05T22:06"),
                event(EventType.SUPPLEMENT_RECEIVED, "2013-01-10T23:52")));
        assertThat(replay.state().overdueFrom()).isEqualTo(at("2012-12-21T17:00"));
        assertThat(replay.state().overdueSince(at("2013-01-03T00:00"))).isEqualTo(at("2012-12-21T17:00"));
    }

    @Test
    void aPauseThatBeginsInTimeMovesTheOverdueInstantByItsLength() {
        Replay replay = replay(
                received("2026-07-06T08:00"),
                event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"),
                event(EventType.SUPPLEMENT_RECEIVED, "2026-07-09T08:00"));
        assertThat(replay.state().overdueFrom()).isEqualTo(at("2026-07-10T17:00"));
        assertThat(replay.state().overdueSince(at("2026-07-10T17:00"))).isNull();
        assertThat(replay.state().overdueSince(at("2026-07-10T17:01"))).isEqualTo(at("2026-07-10T17:00"));
    }

    @Test
    void anOpenPauseThatBeganInTimeHoldsTheClock() {
        Replay replay = replay(received("2026-07-06T08:00"), event(EventType.SUPPLEMENT_REQUESTED, "2026-07-07T08:00"));
        assertThat(replay.state().overdueSince(at("2026-09-01T00:00"))).isNull();
    }

    @Test
    void anElectronicResultOnTheResultReturnedAfterAPlainResolvedCounts() {
        Replay plain = replay(received("2026-07-06T08:00"), event(EventType.RESOLVED, "2026-07-07T09:00"));
        assertThat(plain.state().electronicResult()).isFalse();

        Replay returned = replay(
                received("2026-07-06T08:00"),
                event(EventType.RESOLVED, "2026-07-07T09:00"),
                withElectronicResult(event(EventType.RESULT_RETURNED, "2026-07-08T09:00")));
        assertThat(returned.state().electronicResult()).isTrue();
        // the end stays the RESOLVED's
        assertThat(returned.state().endedAt()).isEqualTo(at("2026-07-07T09:00"));
    }

    @Test
    void everyRatingIsKeptWithItsInstantInHistoryOrderTheLatestAlsoAsTheRating() {
        Replay replay = replay(
                rated("2026-07-09T09:00", DossierEvent.Rating.SATISFIED),
                received("2026-07-06T08:00"),
                event(EventType.RESOLVED, "2026-07-07T09:00"),
                rated("2026-07-08T09:00", DossierEvent.Rating.DISSATISFIED));
        assertThat(replay.state().ratings())
                .containsExactly(
                        new DossierState.Rated(at("2026-07-08T09:00"), DossierEvent.Rating.DISSATISFIED),
                        new DossierState.Rated(at("2026-07-09T09:00"), DossierEvent.Rating.SATISFIED));
        assertThat(replay.state().rating()).isEqualTo(DossierEvent.Rating.SATISFIED);
    }

    private static DossierEvent withElectronicResult(DossierEvent e) {
        return new DossierEvent(
                e.source(),
                e.eventId(),
                e.type(),
                e.dossierId(),
                e.occurredAt(),
                e.unitCode(),
                e.procedureCode(),
                e.channel(),
                e.dueAt(),
                e.digitized(),
                e.feeRequired(),
                e.newDueAt(),
                e.paymentChannel(),
                e.result(),
                e.rating(),
                true);
    }

    private static DossierEvent rated(String at, DossierEvent.Rating rating) {
        DossierEvent e = event(EventType.RATED, at);
        return new DossierEvent(
                e.source(),
                e.eventId(),
                e.type(),
                e.dossierId(),
                e.occurredAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                rating,
                null);
    }

    private Replay replay(DossierEvent... events) {
        return history.replay(List.of(events));
    }

    private static int counter;

    private static DossierEvent received(String at) {
        return new DossierEvent(
                "s",
                "rcv",
                EventType.RECEIVED,
                "D",
                at(at),
                "U",
                "P",
                Channel.ONLINE,
                null,
                true,
                false,
                null,
                null,
                null,
                null);
    }

    private static DossierEvent event(EventType type, String at) {
        return new DossierEvent(
                "s",
                type.name() + "-" + (++counter),
                type,
                "D",
                at(at),
                null,
                null,
                null,
                null,
                null,
                null,
                type == EventType.DEADLINE_EXTENDED ? at("2026-07-10T17:00") : null,
                type == EventType.PAID ? DossierEvent.PaymentChannel.ONLINE : null,
                null,
                null);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(HCM).toInstant();
    }
}
