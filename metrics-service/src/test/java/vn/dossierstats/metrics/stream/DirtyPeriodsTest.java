package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

class DirtyPeriodsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 7, 20);
    private static final Instant ACCEPTED = Instant.parse("2026-07-20T03:00:00Z");

    private final DirtyPeriods dirty = new DirtyPeriods(400);

    @Test
    void aChangeToAPastDayPublishesTheRunningDayAtOnceAndTheDaysInBetweenAtTheSlowCadence() {
        dirty.mark("U", day(17), ACCEPTED);

        assertThat(dirty.drain(TODAY, false)).containsExactly(new DirtyPeriods.Run("U", List.of(day(20)), ACCEPTED));
        assertThat(dirty.drain(TODAY, false)).as("nothing new since").isEmpty();
        assertThat(dirty.drain(TODAY, true))
                .containsExactly(new DirtyPeriods.Run("U", List.of(day(17), day(18), day(19)), ACCEPTED));
        assertThat(dirty.isEmpty()).isTrue();
    }

    @Test
    void changesOfOneUnitAndGranularityArePublishedAsOneRunWithTheNewestAcceptance() {
        dirty.mark("U", day(18), ACCEPTED);
        dirty.mark("U", day(19), ACCEPTED.plusSeconds(5));
        dirty.mark("U", day(18), ACCEPTED.minusSeconds(5));
        dirty.mark("U", Period.of(Granularity.MONTH, TODAY), ACCEPTED);

        assertThat(dirty.drain(TODAY, true))
                .containsExactlyInAnyOrder(
                        new DirtyPeriods.Run("U", List.of(day(18), day(19), day(20)), ACCEPTED.plusSeconds(5)),
                        new DirtyPeriods.Run("U", List.of(Period.of(Granularity.MONTH, TODAY)), ACCEPTED));
    }

    @Test
    void aChangeAheadOfTheClockPublishesOnlyItsOwnPeriod() {
        dirty.mark("U", day(21), ACCEPTED);

        assertThat(dirty.drain(TODAY, false)).containsExactly(new DirtyPeriods.Run("U", List.of(day(21)), ACCEPTED));
        assertThat(dirty.isEmpty()).isTrue();
    }

    @Test
    void aChangeRipplesThroughAtMostTheConfiguredNumberOfLaterPeriods() {
        DirtyPeriods short_ = new DirtyPeriods(3);
        short_.mark("U", day(10), ACCEPTED);

        assertThat(short_.drain(TODAY, false))
                .as("the running day is out of reach")
                .isEmpty();
        assertThat(short_.drain(TODAY, true))
                .containsExactly(new DirtyPeriods.Run("U", List.of(day(10), day(11), day(12)), ACCEPTED));
    }

    @Test
    void aDayMarkedYesterdayRipplesIntoTheNewRunningDayAfterMidnight() {
        dirty.mark("U", day(19), ACCEPTED);

        assertThat(dirty.drain(TODAY.plusDays(1), true))
                .containsExactly(new DirtyPeriods.Run("U", List.of(day(19), day(20), day(21)), ACCEPTED));
    }

    private static Period day(int dayOfMonth) {
        return Period.of(Granularity.DAY, TODAY.withDayOfMonth(dayOfMonth));
    }
}
