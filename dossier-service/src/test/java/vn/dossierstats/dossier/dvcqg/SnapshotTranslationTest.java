package vn.dossierstats.dossier.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.EarliestEvent;
import vn.dossierstats.dossier.lifecycle.EventType;

class SnapshotTranslationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    /** The first instant the statistics count (dossier.first-year 2000). */
    static final EarliestEvent EARLIEST = new EarliestEvent(OffsetDateTime.parse("2000-01-01T00:00:00+07:00"));

    private static final SnapshotTranslation.Context CONTEXT =
            new SnapshotTranslation.Context("src-1", "H22.1", NOW, NOW.plusSeconds(300), EARLIEST);
    private static final Instant RECEIVED = Instant.parse("2026-07-06T02:00:00Z");

    private static Snapshot snapshot(Integer status, Instant received, Instant ended) {
        return new Snapshot(
                "000.00.01.H22-260706-0001",
                "1.004227",
                null,
                status,
                Channel.ONLINE,
                null,
                received,
                null,
                ended,
                null,
                null,
                List.of(),
                false,
                false,
                false,
                false);
    }

    private static List<DossierEvent> events(SnapshotTranslation.Plan plan) {
        return plan.events().stream().map(SnapshotTranslation.Planned::event).toList();
    }

    @Test
    void aSnapshotSentAgainPlansNothing() {
        Snapshot resolved = snapshot(9, RECEIVED, RECEIVED.plusSeconds(86_400));
        List<DossierEvent> held =
                new ArrayList<>(events(SnapshotTranslation.translate(CONTEXT, resolved, List.of(), List.of())));
        assertThat(held).extracting(DossierEvent::type).containsExactly(EventType.RECEIVED, EventType.RESOLVED);
        assertThat(held.getFirst().eventId()).isEqualTo("000.00.01.H22-260706-0001/RECEIVED/2026-07-06T02:00:00Z");

        assertThat(SnapshotTranslation.translate(CONTEXT, resolved, List.of(), held)
                        .events())
                .isEmpty();
    }

    @Test
    void statusOneAloneCreatesNothing() {
        Snapshot submitted = new Snapshot(
                "000.00.01.H22-260706-0001",
                "1.004227",
                null,
                1,
                Channel.ONLINE,
                RECEIVED,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                false,
                false,
                false);
        assertThat(SnapshotTranslation.translate(CONTEXT, submitted, List.of(), List.of())
                        .events())
                .isEmpty();
    }

    @Test
    void anEndedStatusWithoutAnEndInstantWaitsForIt() {
        SnapshotTranslation.Plan plan =
                SnapshotTranslation.translate(CONTEXT, snapshot(9, RECEIVED, null), List.of(), List.of());
        assertThat(events(plan)).extracting(DossierEvent::type).containsExactly(EventType.RECEIVED);
        assertThat(plan.waitingFor()).containsExactly("NgayKetThucXuLy");
    }

    @Test
    void anotherEndInstantThanTheAppliedOneIsAContradictionNamingTheField() {
        List<DossierEvent> held = events(SnapshotTranslation.translate(
                CONTEXT, snapshot(9, RECEIVED, RECEIVED.plusSeconds(3600)), List.of(), List.of()));
        assertThatThrownBy(() -> SnapshotTranslation.translate(
                        CONTEXT, snapshot(9, RECEIVED, RECEIVED.plusSeconds(7200)), List.of(), held))
                .isInstanceOfSatisfying(
                        SnapshotFailure.class, f -> assertThat(f.field()).isEqualTo("NgayKetThucXuLy"));
    }

    @Test
    void aProgressItemWithStatusFiveDatesTheSupplementRequestAndTheNextItemItsEnd() {
        List<ProgressItem> progress = List.of(
                new ProgressItem("000.00.01.H22-260706-0001", RECEIVED.plusSeconds(7200), 4),
                new ProgressItem("000.00.01.H22-260706-0001", RECEIVED.plusSeconds(3600), 5));
        SnapshotTranslation.Plan plan =
                SnapshotTranslation.translate(CONTEXT, snapshot(4, RECEIVED, null), progress, List.of());
        assertThat(events(plan))
                .extracting(DossierEvent::type, DossierEvent::occurredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventType.RECEIVED, RECEIVED),
                        org.assertj.core.groups.Tuple.tuple(EventType.SUPPLEMENT_REQUESTED, RECEIVED.plusSeconds(3600)),
                        org.assertj.core.groups.Tuple.tuple(EventType.SUPPLEMENT_RECEIVED, RECEIVED.plusSeconds(7200)));
    }

    @Test
    void anEventInTheFutureIsRefusedNamingItsField() {
        assertThatThrownBy(() -> SnapshotTranslation.translate(
                        CONTEXT, snapshot(2, NOW.plusSeconds(3600), null), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        SnapshotFailure.class, f -> assertThat(f.field()).isEqualTo("NgayTiepNhan"));
    }

    @Test
    void anEventBeforeTheFirstYearTheStatisticsCountIsRefusedNamingItsField() {
        Instant lastSecondOf1999 = EARLIEST.at().toInstant().minusSeconds(1);
        assertThatThrownBy(() -> SnapshotTranslation.translate(
                        CONTEXT, snapshot(2, lastSecondOf1999, null), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        SnapshotFailure.class, f -> assertThat(f.field()).isEqualTo("NgayTiepNhan"));
        assertThat(events(SnapshotTranslation.translate(
                        CONTEXT, snapshot(2, EARLIEST.at().toInstant(), null), List.of(), List.of())))
                .isNotEmpty();
    }

    @Test
    void datesAreReadInBothFormatsInLocalTime() {
        assertThat(DvcqgDates.parse("20260706090000", "NgayTiepNhan", ZONE)).isEqualTo(RECEIVED);
        assertThat(DvcqgDates.parse("2026-07-06T09:00:00.000", "NgayTiepNhan", ZONE))
                .isEqualTo(RECEIVED);
        assertThat(DvcqgDates.parse("", "NgayTiepNhan", ZONE)).isNull();
        assertThatThrownBy(() -> DvcqgDates.parse("20261332000000", "NgayHenTra", ZONE))
                .isInstanceOfSatisfying(
                        SnapshotFailure.class, f -> assertThat(f.field()).isEqualTo("NgayHenTra"));
    }
}
