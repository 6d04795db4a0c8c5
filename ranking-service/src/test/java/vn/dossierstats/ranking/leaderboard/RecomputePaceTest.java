package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecomputePaceTest {

    private static final long MS = 1_000_000;

    private final RecomputePace pace = new RecomputePace(Duration.ofMillis(200), 3);

    @Test
    void theFirstRecomputationIsDueAtOnce() {
        assertThat(pace.nanosUntilDue(123 * MS)).isZero();
    }

    @Test
    void aQuickRecomputationIsFollowedByTheNextOneIntervalAfterItsStart() {
        pace.recomputed(1_000 * MS, 1_010 * MS);

        assertThat(pace.nanosUntilDue(1_010 * MS)).isEqualTo(190 * MS);
        assertThat(pace.nanosUntilDue(1_199 * MS)).isEqualTo(MS);
        assertThat(pace.nanosUntilDue(1_200 * MS)).isZero();
        assertThat(pace.nanosUntilDue(5_000 * MS)).isZero();
    }

    @Test
    void aSlowRecomputationIsFollowedByThreeTimesItsDurationOfRest() {
        pace.recomputed(1_000 * MS, 1_100 * MS);

        // 100 ms of work, then 300 ms without: ranking takes at most a quarter of a core
        assertThat(pace.nanosUntilDue(1_100 * MS)).isEqualTo(300 * MS);
        assertThat(pace.nanosUntilDue(1_400 * MS)).isZero();
    }

    @Test
    void readingsNearTheEndOfTheNanoTimeRangeStillCompare() {
        long start = Long.MAX_VALUE - 50 * MS;
        pace.recomputed(start, start + 10 * MS);

        assertThat(pace.nanosUntilDue(start + 10 * MS)).isEqualTo(190 * MS);
    }

    @Test
    void aNegativeIntervalOrFactorIsRefused() {
        assertThatThrownBy(() -> new RecomputePace(Duration.ofMillis(-1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecomputePace(Duration.ofMillis(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
