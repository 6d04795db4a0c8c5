package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.PeriodCounts;

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
    void withinATieOfEqualVolumeTheCodeDecides() {
        var result = Ranking.rank(List.of(candidate("B", "0.5000", 40), candidate("A", "0.5000", 40)), 20, Map.of());
        assertThat(result.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("A", "B");
        assertThat(result.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 1);
    }

    @Test
    void unitsUnderTheMinimumVolumeAreUnrankedNotFirst() {
        var result = Ranking.rank(
                List.of(
                        candidate("C", "1.0000", 3),
                        candidate("B", "0.5000", 40),
                        new Ranking.Candidate("A", "A", null, 0)),
                20,
                Map.of());
        assertThat(result.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("B");
        assertThat(result.unranked()).extracting(Leaderboard.Unranked::unitCode).containsExactly("A", "C");
        assertThat(result.unranked())
                .extracting(Leaderboard.Unranked::reason)
                .containsOnly(Leaderboard.INSUFFICIENT_VOLUME);
        assertThat(result.unranked().getFirst().value()).isNull();
        assertThat(result.unranked().get(1).value()).isEqualTo(1.0);
        assertThat(result.unranked().get(1).volume()).isEqualTo(3);
    }

    @Test
    void aUnitWithoutDataIsUnrankedEvenWithoutAMinimumVolume() {
        var result = Ranking.rank(List.of(new Ranking.Candidate("A", "A", null, 0)), 0, Map.of());
        assertThat(result.entries()).isEmpty();
        assertThat(result.unranked()).hasSize(1);
    }

    @Test
    void movementIsThePreviousRankMinusTheRank() {
        var result =
                Ranking.rank(List.of(candidate("A", "0.9000", 50), candidate("B", "0.8000", 40)), 20, Map.of("B", 5));
        assertThat(result.entries().get(1).previousRank()).isEqualTo(5);
        assertThat(result.entries().get(1).movement()).isEqualTo(3);
        assertThat(result.entries().getFirst().previousRank()).isNull();
        assertThat(result.entries().getFirst().movement()).isNull();
    }

    record Input(List<Ranking.Candidate> candidates, long minVolume, Map<String, Integer> previousRanks) {}

    @Provide
    Arbitrary<Input> inputs() {
        // few distinct values and volumes, so that ties of value and of volume are frequent
        Arbitrary<Integer> values = Arbitraries.integers().between(-1, 6); // -1: no data
        Arbitrary<Integer> volumes = Arbitraries.integers().between(0, 40);
        Arbitrary<List<int[]>> units = Combinators.combine(
                        values, volumes, Arbitraries.integers().between(0, 12))
                .as((v, vol, prev) -> new int[] {v, vol, prev})
                .list()
                .ofMaxSize(30);
        return Combinators.combine(units, Arbitraries.longs().between(0, 30)).as((list, minVolume) -> {
            List<Ranking.Candidate> candidates = new ArrayList<>();
            Map<String, Integer> previous = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                int[] u = list.get(i);
                String code = "U" + (char) ('A' + (i * 7) % 26) + i; // codes not in input order
                boolean noData = u[0] < 0 || u[1] == 0;
                candidates.add(new Ranking.Candidate(
                        code, "Unit " + code, noData ? null : BigDecimal.valueOf(u[0], 1), noData ? 0 : u[1]));
                if (u[2] > 0) {
                    previous.put(code, u[2]);
                }
            }
            return new Input(candidates, minVolume, previous);
        });
    }

    /**
     * Oracle: the ranked are exactly the units with a value and a volume of at least the minimum; a unit's rank is 1
     * + the number of ranked units with a strictly greater value; the order is value, then volume descending, then
     * code; the unranked are all the others, by code; movement is previousRank − rank.
     */
    @Property(tries = 500)
    void rankingMatchesTheOracle(@ForAll("inputs") Input input) {
        var result = Ranking.rank(input.candidates(), input.minVolume(), input.previousRanks());
        List<Ranking.Candidate> eligible = input.candidates().stream()
                .filter(c -> c.value() != null && c.volume() >= input.minVolume())
                .toList();
        assertThat(result.entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactlyInAnyOrderElementsOf(
                        eligible.stream().map(Ranking.Candidate::unitCode).toList());
        assertThat(result.unranked())
                .extracting(Leaderboard.Unranked::unitCode)
                .containsExactlyElementsOf(input.candidates().stream()
                        .filter(c -> !eligible.contains(c))
                        .map(Ranking.Candidate::unitCode)
                        .sorted()
                        .toList());
        for (Leaderboard.Entry entry : result.entries()) {
            long better = eligible.stream()
                    .filter(c -> c.value().doubleValue() > entry.value())
                    .count();
            assertThat(entry.rank()).isEqualTo(1 + better);
            Integer previous = input.previousRanks().get(entry.unitCode());
            assertThat(entry.previousRank()).isEqualTo(previous);
            assertThat(entry.movement()).isEqualTo(previous == null ? null : previous - entry.rank());
        }
        for (int i = 1; i < result.entries().size(); i++) {
            Leaderboard.Entry a = result.entries().get(i - 1);
            Leaderboard.Entry b = result.entries().get(i);
            boolean inOrder = a.value() > b.value()
                    || (a.value().equals(b.value())
                            && (a.volume() > b.volume()
                                    || (a.volume() == b.volume() && a.unitCode().compareTo(b.unitCode()) < 0)));
            assertThat(inOrder).as("%s before %s", a, b).isTrue();
        }
    }

    /** Stable order: the result depends on the units, never on the order they are listed in. */
    @Property(tries = 300)
    void theOrderOfTheInputDoesNotMatter(@ForAll("inputs") Input input, @ForAll java.util.Random random) {
        List<Ranking.Candidate> shuffled = new ArrayList<>(input.candidates());
        java.util.Collections.shuffle(shuffled, random);
        assertThat(Ranking.rank(shuffled, input.minVolume(), input.previousRanks()))
                .isEqualTo(Ranking.rank(input.candidates(), input.minVolume(), input.previousRanks()));
    }

    @Property(tries = 200)
    void aLimitKeepsTheFirstEntriesAndEveryUnranked(
            @ForAll("inputs") Input input, @ForAll @IntRange(min = 1, max = 40) int limit) {
        var result = Ranking.rank(input.candidates(), input.minVolume(), input.previousRanks());
        var board = new Leaderboard(
                "PROVINCE",
                null,
                "2026-07",
                Indicator.ON_TIME_RATE,
                input.minVolume(),
                result.entries(),
                result.unranked());
        assertThat(board.entries(limit))
                .containsExactlyElementsOf(result.entries()
                        .subList(0, Math.min(limit, result.entries().size())));
        assertThat(board.entries(null)).isEqualTo(result.entries());
    }

    @Test
    void indicatorValuesRoundHalfUpFromTheExactFraction() {
        PeriodCounts counts = new PeriodCounts(3, 7, 2, 5, 0, 1, 1, 1, 1, 0, 0, 0, 0);
        assertThat(Indicator.ON_TIME_RATE.value(counts)).isEqualByComparingTo("0.6667");
        assertThat(Indicator.ON_TIME_RATE.volume(counts)).isEqualTo(3);
        assertThat(Indicator.PROGRESS_SCORE.value(counts)).isEqualByComparingTo("6.00");
        assertThat(Indicator.PROGRESS_SCORE.volume(counts)).isEqualTo(10);
        assertThat(Indicator.ONLINE_SHARE.value(counts)).isEqualByComparingTo("0.2857");
        assertThat(Indicator.ONLINE_SHARE.volume(counts)).isEqualTo(7);
        assertThat(Indicator.ONLINE_SHARE.value(PeriodCounts.ZERO)).isNull();
        // 0.98765 → 0.9877 (half-up); the api.md sample: 20 × 100 / 110 = 18.1818… → 18.18
        assertThat(Indicator.ON_TIME_RATE.value(new PeriodCounts(0, 0, 0, 0, 0, 98765, 0, 1235, 0, 0, 0, 0, 0)))
                .isEqualByComparingTo("0.9877");
        assertThat(Indicator.PROGRESS_SCORE.value(new PeriodCounts(10, 100, 60, 35, 5, 50, 30, 5, 20, 5, 95, 0, 0)))
                .isEqualByComparingTo("18.18");
    }

    @Test
    void unitsEqualOnlyAfterRoundingShareARank() {
        // 2/3 and 6667/10000 differ exactly but both publish 0.6667
        BigDecimal a = Indicator.ON_TIME_RATE.value(new PeriodCounts(0, 0, 0, 0, 0, 20, 0, 10, 0, 0, 0, 0, 0));
        BigDecimal b = Indicator.ON_TIME_RATE.value(new PeriodCounts(0, 0, 0, 0, 0, 6667, 0, 3333, 0, 0, 0, 0, 0));
        var result = Ranking.rank(
                List.of(new Ranking.Candidate("A", "A", a, 30), new Ranking.Candidate("B", "B", b, 10000)),
                20,
                Map.of());
        assertThat(result.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 1);
        assertThat(result.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("B", "A");
    }

    private static Ranking.Candidate candidate(String code, String value, long volume) {
        return new Ranking.Candidate(code, "Unit " + code, new BigDecimal(value), volume);
    }
}
