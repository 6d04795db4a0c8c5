package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final Instant T0 = Instant.parse("2026-06-30T16:59:59Z");

    @Test
    void aBurstOfChangesDrainsAsTheLatestValueOfEachKey() {
        Coalescer<String, Integer> coalescer = Coalescer.latestOnly();
        for (int i = 1; i <= 100; i++) {
            coalescer.offer("A", i, T0.plusMillis(i));
        }
        coalescer.offer("B", 7, T0);
        assertThat(coalescer.drain())
                .extracting(Coalescer.Pending::key, Coalescer.Pending::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("A", 100), org.assertj.core.groups.Tuple.tuple("B", 7));
        assertThat(coalescer.drain()).isEmpty();
        assertThat(coalescer.pending()).isZero();
    }

    @Test
    void aValueTheRuleKeepsIsDrainedBeforeTheOneThatSupersededIt() {
        // keep the last value before each whole minute (a stand-in for the last of a local day)
        Coalescer<String, String> coalescer =
                new Coalescer<>((older, newer) -> older.getEpochSecond() / 60 != newer.getEpochSecond() / 60);
        coalescer.offer("Q2", "before midnight", T0);
        coalescer.offer("Q2", "still before", T0.plusMillis(500));
        coalescer.offer("Q2", "after midnight", T0.plusSeconds(2));
        assertThat(coalescer.drain())
                .extracting(Coalescer.Pending::value)
                .containsExactly("still before", "after midnight");
    }

    @Test
    void aRetryNeverReplacesANewerValue() {
        Coalescer<String, String> coalescer = Coalescer.latestOnly();
        coalescer.offer("A", "old", T0);
        List<Coalescer.Pending<String, String>> failed = coalescer.drain();
        coalescer.offer("A", "new", T0.plusSeconds(1));
        coalescer.retry(failed);
        assertThat(coalescer.drain()).extracting(Coalescer.Pending::value).containsExactly("new");

        coalescer.offer("B", "only", T0);
        List<Coalescer.Pending<String, String>> lost = coalescer.drain();
        coalescer.retry(lost);
        assertThat(coalescer.drain()).extracting(Coalescer.Pending::value).containsExactly("only");
    }
}
