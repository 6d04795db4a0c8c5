package vn.dossierstats.metrics.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.index.IndexOfCounts;
import vn.dossierstats.unitstats.PeriodCounts;

class IndexScoresTest {

    @Test
    void aProvinceGetsItsTotalAndEachGroupWithAScoreAndNothingForTheRest() {
        // 10 received, 9 on time, 5 online, nothing fee-bearing, 8 electronic results, all digitised, no dislike
        PeriodCounts counts = new PeriodCounts(0, 10, 5, 5, 0, 9, 0, 1, 0, 0, 10, 0, 0, 8, 0, 10);

        assertThat(IndexScores.of(IndexOfCounts.scorecard(counts)))
                // 18 + 6 + (4.8 + 4) + 6
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("total", 38.8),
                        org.assertj.core.api.Assertions.entry("progress", 18.0),
                        org.assertj.core.api.Assertions.entry("onlineServices", 6.0),
                        org.assertj.core.api.Assertions.entry("digitisation", 8.8),
                        org.assertj.core.api.Assertions.entry("satisfaction", 6.0));
    }

    @Test
    void aProvinceWithoutDossiersHasNoIndexGauge() {
        assertThat(IndexScores.of(IndexOfCounts.scorecard(PeriodCounts.ZERO))).isEmpty();
    }
}
