package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * Acceptance 1 of issue 5: a scripted month for five provinces, fed as the statistics stream carries it (cumulative
 * counts per unit and period, replaced as the month goes on), gives the hand-computed ranks, ties, unranked units and
 * movements against the previous month, for each of the three indicators. Minimum volume 20.
 */
class ScriptedMonthTest {

    private static final Period JUNE = Period.parse("2026-06").orElseThrow();
    private static final Period JULY = Period.parse("2026-07").orElseThrow();

    private final LeaderboardBook book = new LeaderboardBook(20);

    @BeforeEach
    void juneThenJuly() {
        for (String code : List.of("01", "33", "38", "42", "44")) {
            book.putUnit(new Unit(code, "Tỉnh " + code, "PROVINCE", null));
        }
        // June, the reference month:   on time      progress     online
        book.putCounts("01", JUNE, counts(0, 100, 50, 40, 40, 20, 0, 0)); // 0.8      16.00  0.5
        book.putCounts("33", JUNE, counts(0, 50, 40, 45, 0, 5, 0, 0)); // 0.9         18.00  0.8
        book.putCounts("38", JUNE, counts(0, 200, 60, 100, 50, 50, 0, 0)); // 0.75   15.00  0.3
        book.putCounts("42", JUNE, counts(0, 30, 30, 30, 0, 0, 0, 0)); // 1.0        20.00  1.0
        book.putCounts("44", JUNE, counts(0, 10, 5, 10, 0, 0, 0, 0)); // volume 10: unranked
        book.goLive();

        // July as the month goes: the 10th, the 20th, then the end of the month
        book.putCounts("01", JULY, counts(0, 60, 40, 20, 10, 10, 20, 0));
        book.putCounts("38", JULY, counts(0, 90, 30, 40, 10, 10, 30, 0));
        book.flush();
        book.putCounts("01", JULY, counts(0, 130, 90, 60, 40, 15, 15, 0));
        book.putCounts("33", JULY, counts(0, 60, 45, 50, 0, 5, 5, 0));
        book.putCounts("42", JULY, counts(0, 8, 8, 8, 0, 0, 0, 0));
        book.flush();
        book.putCounts("01", JULY, counts(0, 200, 150, 100, 80, 20, 0, 0));
        book.putCounts("33", JULY, counts(0, 100, 75, 90, 0, 10, 0, 0));
        book.putCounts("38", JULY, counts(0, 300, 90, 150, 20, 30, 90, 10));
        book.putCounts("42", JULY, counts(0, 15, 15, 15, 0, 0, 0, 0));
        book.putCounts("44", JULY, counts(0, 40, 30, 20, 10, 10, 0, 0));
        book.flush();
    }

    @Test
    void onTimeRate() {
        // 01 and 33 tie at 0.9 (01 first: larger volume); 44 was unranked in June: no movement
        assertThat(rows(Indicator.ON_TIME_RATE))
                .containsExactly(
                        "1 01 0.9 200 prev 3 move 2",
                        "1 33 0.9 100 prev 2 move 1",
                        "3 38 0.85 200 prev 4 move 1",
                        "4 44 0.75 40 prev null move null");
        assertThat(unranked(Indicator.ON_TIME_RATE)).containsExactly("42 1.0 15 INSUFFICIENT_VOLUME");
    }

    @Test
    void progressScore() {
        // 20 × (early + onTime + withinDeadline) / (carriedOver + receivedNew); 38: 20 × 260 / 300 = 17.33
        assertThat(rows(Indicator.PROGRESS_SCORE))
                .containsExactly(
                        "1 01 18.0 200 prev 3 move 2",
                        "1 33 18.0 100 prev 2 move 1",
                        "3 38 17.33 300 prev 4 move 1",
                        "4 44 15.0 40 prev null move null");
        assertThat(unranked(Indicator.PROGRESS_SCORE)).containsExactly("42 20.0 15 INSUFFICIENT_VOLUME");
    }

    @Test
    void onlineShare() {
        // three-way tie at 0.75 (by volume: 200, 100, 40), then rank 4; 38 stays fourth: movement 0
        assertThat(rows(Indicator.ONLINE_SHARE))
                .containsExactly(
                        "1 01 0.75 200 prev 3 move 2",
                        "1 33 0.75 100 prev 2 move 1",
                        "1 44 0.75 40 prev null move null",
                        "4 38 0.3 300 prev 4 move 0");
        assertThat(unranked(Indicator.ONLINE_SHARE)).containsExactly("42 1.0 15 INSUFFICIENT_VOLUME");
    }

    @Test
    void theReferenceMonthRanksAsScripted() {
        // the month was scripted for the report's three indicators (the index's: IndexLeaderboardTest)
        for (Indicator indicator : List.of(Indicator.ON_TIME_RATE, Indicator.PROGRESS_SCORE, Indicator.ONLINE_SHARE)) {
            Leaderboard june = book.get(new LeaderboardKey("PROVINCE", null, JUNE, indicator));
            assertThat(june.entries())
                    .extracting(Leaderboard.Entry::unitCode)
                    .as(indicator.name())
                    .containsExactly("42", "33", "01", "38");
            assertThat(june.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 2, 3, 4);
            assertThat(june.unranked())
                    .extracting(Leaderboard.Unranked::unitCode)
                    .containsExactly("44");
        }
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

    /** Counts of a month: everything received either ended (early, on time, late) or is in progress. */
    private static PeriodCounts counts(
            long carriedOver,
            long received,
            long online,
            long early,
            long onTime,
            long late,
            long withinDeadline,
            long overdue) {
        return new PeriodCounts(
                carriedOver,
                received,
                online,
                received - online,
                0,
                early,
                onTime,
                late,
                withinDeadline,
                overdue,
                0,
                0,
                0);
    }
}
