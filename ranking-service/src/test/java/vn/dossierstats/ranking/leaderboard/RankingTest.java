package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        var result = Ranking.rank(
                List.of(
                        candidate("A", "0.9000", 50),
                        candidate("B", "0.8000", 40),
                        candidate("C", "0.8000", 90),
                        candidate("D", "0.7000", 30)),
                20,
                Map.of());
        assertThat(result.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 2, 2, 4);
        // within the tie: larger volume first
        assertThat(result.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("A", "C", "B", "D");
    }

    @Test
    void unitsUnderTheMinimumVolumeAreUnrankedNotFirst() {
        var result = Ranking.rank(
                List.of(
                        candidate("A", "1.0000", 3),
                        candidate("B", "0.5000", 40),
                        new Ranking.Candidate("C", "C", null, 0)),
                20,
                Map.of());
        assertThat(result.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("B");
        assertThat(result.unranked()).extracting(Leaderboard.Unranked::unitCode).containsExactly("A", "C");
        assertThat(result.unranked().getFirst().reason()).isEqualTo("INSUFFICIENT_VOLUME");
        assertThat(result.unranked().get(1).value()).isNull();
    }

    @Test
    void movementIsThePreviousRankMinusTheRank() {
        var result =
                Ranking.rank(List.of(candidate("A", "0.9000", 50), candidate("B", "0.8000", 40)), 20, Map.of("B", 5));
        assertThat(result.entries().get(1).previousRank()).isEqualTo(5);
        assertThat(result.entries().get(1).movement()).isEqualTo(3);
        assertThat(result.entries().getFirst().movement()).isNull();
    }

    /** Oracle: a unit's rank is 1 + the number of ranked units with a strictly greater value. */
    @Property(tries = 200)
    void rankIsOnePlusTheNumberOfStrictlyBetterUnits(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 8) Integer> values,
            @ForAll @IntRange(min = 0, max = 30) int minVolume) {
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            candidates.add(new Ranking.Candidate(
                    "U" + (100 + i), "U", BigDecimal.valueOf(values.get(i)).movePointLeft(1), (i * 7) % 50));
        }
        var result = Ranking.rank(candidates, minVolume, Map.of());
        List<Ranking.Candidate> eligible =
                candidates.stream().filter(c -> c.volume() >= minVolume).toList();
        assertThat(result.entries()).hasSize(eligible.size());
        assertThat(result.unranked()).hasSize(candidates.size() - eligible.size());
        for (Leaderboard.Entry entry : result.entries()) {
            long better = eligible.stream()
                    .filter(c -> c.value().doubleValue() > entry.value())
                    .count();
            assertThat(entry.rank()).isEqualTo(1 + better);
            assertThat(entry.volume()).isGreaterThanOrEqualTo(minVolume);
        }
        for (int i = 1; i < result.entries().size(); i++) {
            Leaderboard.Entry a = result.entries().get(i - 1);
            Leaderboard.Entry b = result.entries().get(i);
            assertThat(a.value() > b.value()
                            || (a.value().equals(b.value())
                                    && (a.volume() > b.volume()
                                            || (a.volume() == b.volume()
                                                    && a.unitCode().compareTo(b.unitCode()) < 0))))
                    .isTrue();
        }
    }

    @Test
    void indicatorValuesRoundHalfUpFromTheExactFraction() {
        UnitCounts counts = new UnitCounts(3, 7, 2, 5, 0, 1, 1, 1, 1, 0, 0, 0, 0);
        assertThat(Indicator.ON_TIME_RATE.value(counts)).isEqualByComparingTo("0.6667");
        assertThat(Indicator.ON_TIME_RATE.volume(counts)).isEqualTo(3);
        assertThat(Indicator.PROGRESS_SCORE.value(counts)).isEqualByComparingTo("6.00");
        assertThat(Indicator.ONLINE_SHARE.value(counts)).isEqualByComparingTo("0.2857");
        assertThat(Indicator.ONLINE_SHARE.value(UnitCounts.ZERO)).isNull();
    }

    private static Ranking.Candidate candidate(String code, String value, long volume) {
        return new Ranking.Candidate(code, "Unit " + code, new BigDecimal(value), volume);
    }
}
