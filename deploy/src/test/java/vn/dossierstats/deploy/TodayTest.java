package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodayTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration THREE_SECONDS = Duration.ofSeconds(3);

    @Test
    void inTheMiddleOfTheDayTheOffsetsAskedForAreKept() {
        Today today = at("2026-11-18T14:00:00+07:00");

        assertThat(today.ago(TWO_HOURS)).isEqualTo(Instant.parse("2026-11-18T05:00:00Z"));
        assertThat(today.ago(60)).isEqualTo(Instant.parse("2026-11-18T06:59:00Z"));
        assertThat(today.later(THREE_SECONDS)).isEqualTo(Instant.parse("2026-11-18T07:00:03Z"));
        assertThat(today.month()).isEqualTo("2026-11");
    }

    @Test
    void halfAnHourIntoNewYearsDayTwoHoursAgoIsScaledIntoThatHalfHourInOrder() {
        Today today = at("2027-01-01T00:30:00+07:00"); // 17:30 on 31 December in UTC

        List<Instant> moments = List.of(today.ago(TWO_HOURS), today.ago(3600), today.ago(60), today.now());
        assertThat(moments).isSorted().doesNotHaveDuplicates().allSatisfy(moment -> assertThat(
                        LocalDate.ofInstant(moment, Today.LOCAL))
                .isEqualTo(LocalDate.of(2027, 1, 1)));
        assertThat(today.ago(60)).isBefore(today.now());
        assertThat(today.month()).isEqualTo("2027-01");
    }

    @Test
    void secondsBeforeMidnightWhatIsAskedAheadStaysOnTheDay() {
        Today today = at("2027-02-28T23:59:45+07:00");

        assertThat(today.later(THREE_SECONDS)).isAfter(today.now());
        assertThat(today.later(Duration.ofMinutes(1))).isBefore(Instant.parse("2027-02-28T17:00:00Z"));
        assertThat(today.ago(TWO_HOURS)).isEqualTo(Instant.parse("2027-02-28T14:59:45Z"));
        assertThat(today.month()).isEqualTo("2027-02");
    }

    @Test
    void nothingFurtherThanWhatWasAskedFor() {
        Today today = at("2026-11-18T14:00:00+07:00");

        assertThatIllegalArgumentException().isThrownBy(() -> today.ago(TWO_HOURS.plusSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> today.later(Duration.ofMinutes(2)));
    }

    private static Today at(String local) {
        Clock clock = Clock.fixed(OffsetDateTime.parse(local).toInstant(), ZoneOffset.UTC);
        return Today.spanning(clock, TWO_HOURS, Duration.ofMinutes(1));
    }
}
