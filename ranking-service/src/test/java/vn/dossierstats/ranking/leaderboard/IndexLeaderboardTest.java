package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.index.IndexInputs;

/**
 * Leaderboards by the national index and its groups: the hand-worked scores of a month, ranked with the same ties
 * (equal published scores share a rank, larger volume first), minimum volume (totalToProcess, 20) and movement as the
 * other indicators.
 */
class IndexLeaderboardTest {

    private static final Period JUNE = Period.parse("2026-06").orElseThrow();
    private static final Period JULY = Period.parse("2026-07").orElseThrow();

    private final LeaderboardBook book = new LeaderboardBook(20);

    @BeforeEach
    void july() {
        for (String code : List.of("01", "33", "38", "44")) {
            book.putUnit(new Unit(code, "Tỉnh " + code, "PROVINCE", null));
        }
        // June: 38 first, 01 second (for the movement)
        book.putCounts("38", JUNE, counts(100, 100, 100, 0, 0, 0, 0, 100, 0, 100));
        book.putCounts("01", JUNE, counts(100, 50, 90, 10, 0, 0, 0, 50, 0, 100));
        book.goLive();
        //                                      new  online onTime late fee paid dis  elec digit
        // 01: progress 20 × 90/100 = 18, online 50 % → 6, electronic 6 × 0.5 = 3, digitised 4, S = 0.9 → 6: 37
        book.putCounts("01", JULY, counts(100, 50, 90, 10, 0, 0, 0, 50, 0, 100));
        // 33: the same scores with half the volume: 37, tied with 01 and after it
        book.putCounts("33", JULY, counts(50, 25, 45, 5, 0, 0, 0, 25, 0, 50));
        // 38: progress 16, online 6 × 0.2 / 0.5 = 2.4, paid 6 × 50/100 = 3, electronic 6, digitised 2,
        //     S = (160 − 10)/200 = 0.75 → 6 × 0.75 / 0.9 = 5: 34.4
        book.putCounts("38", JULY, counts(200, 40, 160, 40, 100, 50, 10, 200, 0, 100));
        // 44: volume 10, below the minimum: progress 20, online 6, S 6 = 32, unranked
        book.putCounts("44", JULY, counts(10, 10, 10, 0, 0, 0, 0, 0, 0, 0));
        book.flush();
    }

    @Test
    void theTotalIndexRanksTiesByVolumeAndMovesAgainstJune() {
        assertThat(rows(Indicator.INDEX_766))
                .containsExactly(
                        "1 01 37.0 100 prev 2 move 1",
                        "1 33 37.0 50 prev null move null",
                        "3 38 34.4 200 prev 1 move -2");
        assertThat(unranked(Indicator.INDEX_766)).containsExactly("44 32.0 10 INSUFFICIENT_VOLUME");
    }

    @Test
    void eachGroupRanksOnItsOwnScore() {
        assertThat(rows(Indicator.INDEX_766_PROGRESS))
                .containsExactly(
                        "1 01 18.0 100 prev 2 move 1",
                        "1 33 18.0 50 prev null move null",
                        "3 38 16.0 200 prev 1 move -2");
        assertThat(rows(Indicator.INDEX_766_ONLINE_SERVICES))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 01 6.0 100", "1 33 6.0 50", "3 38 2.4 200");
        assertThat(rows(Indicator.INDEX_766_DIGITISATION))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 38 8.0 200", "2 01 7.0 100", "2 33 7.0 50");
        assertThat(rows(Indicator.INDEX_766_SATISFACTION))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 01 6.0 100", "1 33 6.0 50", "3 38 5.0 200");
    }

    @Test
    void aGroupWithoutInputsLeavesTheUnitUnrankedNotLast() {
        // only 38 has fee-bearing dossiers
        assertThat(rows(Indicator.INDEX_766_ONLINE_PAYMENT))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 38 3.0 200");
        assertThat(unranked(Indicator.INDEX_766_ONLINE_PAYMENT))
                .containsExactly(
                        "01 null 100 INSUFFICIENT_VOLUME",
                        "33 null 50 INSUFFICIENT_VOLUME",
                        "44 null 10 INSUFFICIENT_VOLUME");
    }

    @Test
    void theProcedureBasedCountsOfAUnitsStatisticsScoreItsOnlineServicesAndPayment() {
        // 38 with its procedure counts: offered online 8 of 10 (80 %, full 2), 10 of 20 pairs used (4 × 0.5 = 2),
        // 1 of 5 fee-charging procedures paid online (2.5 × 0.2 = 0.5), all 5 used (2.5 capped at 2)
        book.putCounts(
                "38",
                JULY,
                counts(200, 40, 160, 40, 100, 50, 10, 200, 0, 100)
                        .withProcedures(new IndexInputs.ProcedureInputs(
                                IndexInputs.ProcedureScope.ASSIGNED, 10, 8, 20, 10, 5, 1, 5)));
        book.flush();

        assertThat(rows(Indicator.INDEX_766_ONLINE_SERVICES))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 38 6.4 200", "2 01 6.0 100", "2 33 6.0 50");
        assertThat(rows(Indicator.INDEX_766_ONLINE_PAYMENT))
                .extracting(row -> row.substring(0, row.indexOf(" prev")))
                .containsExactly("1 38 5.5 200");
        // 34.4 + 2 + 2 + 0.5 + 2
        assertThat(rows(Indicator.INDEX_766)).first().asString().startsWith("1 38 40.9 200");
    }

    private List<String> rows(Indicator indicator) {
        return book.get(new LeaderboardKey("PROVINCE", null, JULY, indicator)).entries().stream()
                .map(e -> e.rank() + " " + e.unitCode() + " " + e.value() + " " + e.volume() + " prev "
                        + e.previousRank() + " move " + e.movement())
                .toList();
    }

    private List<String> unranked(Indicator indicator) {
        return book.get(new LeaderboardKey("PROVINCE", null, JULY, indicator)).unranked().stream()
                .map(u -> u.unitCode() + " " + u.value() + " " + u.volume() + " " + u.reason())
                .toList();
    }

    /** A month's counts: nothing carried over, everything received ended (on time or late); no postal dossier. */
    private static PeriodCounts counts(
            long received,
            long online,
            long onTime,
            long late,
            long fee,
            long paidOnline,
            long dissatisfied,
            long electronic,
            long unused,
            long digitised) {
        return new PeriodCounts(
                0,
                received,
                online,
                received - online,
                0,
                0,
                onTime,
                late,
                0,
                0,
                digitised,
                fee,
                paidOnline,
                electronic,
                dissatisfied,
                digitised);
    }
}
