package vn.dossierstats.ranking.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.UnitSpan;

class LeaderboardBookTest {

    private static final Period JUNE = Period.parse("2026-06").orElseThrow();
    private static final Period JULY = Period.parse("2026-07").orElseThrow();
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 7);

    private final LeaderboardBook book = new LeaderboardBook(20);

    @Test
    void aLevelBoardListsEveryUnitOfTheLevelRankedOrNot() {
        provinces("01", "33", "38");
        book.putUnit(new Unit("33.001", "Xã A", "COMMUNE", "33"));
        book.putCounts("01", JULY, onTime(30, 10));
        book.putCounts("33", JULY, onTime(5, 0));
        book.goLive();

        Leaderboard board = book.get(key("PROVINCE", null, JULY));
        assertThat(board.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("01");
        assertThat(board.entries().getFirst().value()).isEqualTo(0.75);
        assertThat(board.entries().getFirst().volume()).isEqualTo(40);
        assertThat(board.entries().getFirst().unitName()).isEqualTo("Province 01");
        assertThat(board.unranked()).extracting(Leaderboard.Unranked::unitCode).containsExactly("33", "38");
        assertThat(board.unranked().get(0).value()).isEqualTo(1.0);
        assertThat(board.unranked().get(1).value()).isNull();
        assertThat(board.unranked().get(1).volume()).isZero();
    }

    @Test
    void aParentScopesTheBoardToItsDescendantsAtAnyDepth() {
        provinces("33", "38");
        book.putUnit(new Unit("33.X", "District X", "DISTRICT", "33"));
        book.putUnit(new Unit("33.001", "Xã A", "COMMUNE", "33"));
        book.putUnit(new Unit("33.002", "Xã B", "COMMUNE", "33.X"));
        book.putUnit(new Unit("38.001", "Xã C", "COMMUNE", "38"));
        book.goLive();
        book.putCounts("33.001", JULY, onTime(20, 0));
        book.putCounts("33.002", JULY, onTime(30, 10));
        book.putCounts("38.001", JULY, onTime(40, 0));
        book.flush();

        assertThat(book.get(key("COMMUNE", "33", JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("33.001", "33.002");
        assertThat(book.get(key("COMMUNE", null, JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("38.001", "33.001", "33.002");
        assertThat(book.get(key("COMMUNE", "33.X", JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("33.002");
    }

    @Test
    void movementIsAgainstThePreviousPeriodAsItStandsNow() {
        provinces("01", "33");
        book.putCounts("01", JUNE, onTime(10, 30));
        book.putCounts("33", JUNE, onTime(40, 10));
        book.putCounts("01", JULY, onTime(90, 10));
        book.putCounts("33", JULY, onTime(30, 10));
        book.goLive();
        Leaderboard july = book.get(key("PROVINCE", null, JULY));
        assertThat(july.entries()).extracting(Leaderboard.Entry::previousRank).containsExactly(2, 1);
        assertThat(july.entries()).extracting(Leaderboard.Entry::movement).containsExactly(1, -1);

        // a late event changes June: July's movement follows although July's counts did not change
        book.putCounts("01", JUNE, onTime(50, 0));
        List<Leaderboard> changed = book.flush();
        assertThat(changed).extracting(Leaderboard::period).contains("2026-06", "2026-07");
        july = book.get(key("PROVINCE", null, JULY));
        assertThat(july.entries()).extracting(Leaderboard.Entry::previousRank).containsExactly(1, 2);
        assertThat(july.entries()).extracting(Leaderboard.Entry::movement).containsExactly(0, 0);
    }

    @Test
    void aUnitNotRankedInThePreviousPeriodHasNoMovement() {
        provinces("01", "33");
        book.putCounts("01", JUNE, onTime(5, 0)); // unranked in June
        book.putCounts("01", JULY, onTime(30, 0));
        book.goLive();
        Leaderboard.Entry entry =
                book.get(key("PROVINCE", null, JULY)).entries().getFirst();
        assertThat(entry.previousRank()).isNull();
        assertThat(entry.movement()).isNull();
    }

    @Test
    void readsReturnThePreparedObjectUntilAChangeTouchesIt() {
        provinces("01", "33");
        book.putCounts("01", JULY, onTime(30, 0));
        book.goLive();
        Leaderboard first = book.get(key("PROVINCE", null, JULY));
        assertThat(book.get(key("PROVINCE", null, JULY))).isSameAs(first);

        book.putCounts("33", Period.parse("2025").orElseThrow(), onTime(30, 0));
        book.flush();
        assertThat(book.get(key("PROVINCE", null, JULY))).isSameAs(first);

        book.putCounts("33", JULY, onTime(40, 0));
        assertThat(book.flush()).extracting(Leaderboard::indicator).contains(Indicator.ON_TIME_RATE);
        assertThat(book.get(key("PROVINCE", null, JULY))).isNotSameAs(first);
        assertThat(book.get(key("PROVINCE", null, JULY)).entries()).hasSize(2);
    }

    @Test
    void statisticsBeforeTheirUnitCountOnceTheCatalogueNamesIt() {
        book.goLive();
        book.putCounts("01", JULY, onTime(30, 0));
        assertThat(book.flush()).isEmpty();
        provinces("01");
        assertThat(book.flush()).isNotEmpty();
        assertThat(book.get(key("PROVINCE", null, JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("01");
    }

    @Test
    void aUnitMovedToAnotherParentLeavesTheOldScopeAndJoinsTheNew() {
        provinces("33", "38");
        book.putUnit(new Unit("33.001", "Xã A", "COMMUNE", "33"));
        book.putCounts("33.001", JULY, onTime(30, 0));
        book.goLive();
        assertThat(book.get(key("COMMUNE", "33", JULY)).entries()).hasSize(1);

        book.putUnit(new Unit("33.001", "Xã A mới", "COMMUNE", "38"));
        book.flush();
        assertThat(book.get(key("COMMUNE", "33", JULY)).entries()).isEmpty();
        assertThat(book.get(key("COMMUNE", "38", JULY)).entries())
                .extracting(Leaderboard.Entry::unitName)
                .containsExactly("Xã A mới");
    }

    @Test
    void theIndicatorsRankByTheirOwnValueAndVolume() {
        provinces("01", "33");
        // 01: on time 0.5 of 40, progress 20 × 20/40 = 10, online 30/40
        book.putCounts("01", JULY, new PeriodCounts(0, 40, 30, 10, 0, 20, 0, 20, 0, 0, 0, 0, 0));
        // 33: on time 1.0 of 20, progress 20 × 20/50 = 8, online 5/50
        book.putCounts("33", JULY, new PeriodCounts(10, 40, 5, 35, 0, 20, 0, 0, 0, 30, 0, 0, 0));
        book.goLive();
        assertThat(book.get(key("PROVINCE", null, JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("33", "01");
        Leaderboard progress = book.get(new LeaderboardKey("PROVINCE", null, JULY, Indicator.PROGRESS_SCORE));
        assertThat(progress.entries()).extracting(Leaderboard.Entry::value).containsExactly(10.0, 8.0);
        assertThat(progress.entries()).extracting(Leaderboard.Entry::volume).containsExactly(40L, 50L);
        Leaderboard online = book.get(new LeaderboardKey("PROVINCE", null, JULY, Indicator.ONLINE_SHARE));
        assertThat(online.entries()).extracting(Leaderboard.Entry::value).containsExactly(0.75, 0.125);
    }

    // ---- incremental maintenance equals a rebuild from scratch, on random histories

    private static final List<String> CODES = List.of("A", "B", "C", "D", "E", "F");
    private static final List<String> LEVELS = List.of("PROVINCE", "COMMUNE", "DEPARTMENT");
    private static final List<Period> PERIODS = List.of(
            Period.parse("2026-05").orElseThrow(),
            JUNE,
            JULY,
            Period.parse("2026-Q2").orElseThrow(),
            Period.parse("2026-Q3").orElseThrow());

    sealed interface Op {}

    record PutUnit(Unit unit) implements Op {}

    record RemoveUnit(String code) implements Op {}

    record PutCounts(String code, Period period, PeriodCounts counts) implements Op {}

    record RemoveCounts(String code, Period period) implements Op {}

    record Flush() implements Op {}

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<String> code = Arbitraries.of(CODES);
        Arbitrary<String> parent = Arbitraries.of(CODES).injectNull(0.3);
        Arbitrary<Op> putUnit = Combinators.combine(code, Arbitraries.of(LEVELS), parent, Arbitraries.of("x", "y"))
                .as((c, level, p, name) -> new PutUnit(new Unit(c, c + name, level, p)));
        // a reorganised unit: valid from or until a month edge of the periods ranked, merged into a later code (so
        // that successions never loop), or moved from another parent; a territory then sums the units merged into it
        Arbitrary<java.time.LocalDate> edge = Arbitraries.of(
                java.time.LocalDate.of(2026, 5, 31),
                java.time.LocalDate.of(2026, 6, 1),
                java.time.LocalDate.of(2026, 6, 30),
                java.time.LocalDate.of(2026, 7, 1));
        Arbitrary<Op> putReorganisedUnit = Combinators.combine(
                        code,
                        Arbitraries.of(LEVELS),
                        parent,
                        edge.injectNull(0.5),
                        edge.injectNull(0.5),
                        Arbitraries.of(CODES),
                        Combinators.combine(edge, code)
                                .as(UnitSpan.FormerParent::new)
                                .list()
                                .ofMaxSize(1))
                .as((c, level, p, from, to, later, formerParents) -> new PutUnit(new Unit(
                        c,
                        c + "z",
                        level,
                        p,
                        from,
                        to,
                        to != null && later.compareTo(c) > 0 ? later : null,
                        formerParents)));
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 30);
        Arbitrary<PeriodCounts> counts = Combinators.combine(small, small, small, small, small)
                .as((carried, received, early, late, online) -> new PeriodCounts(
                        carried, received, Math.min(online, received), 0, 0, early, 0, late, 3, 0, 0, 0, 0));
        Arbitrary<Op> putCounts =
                Combinators.combine(code, Arbitraries.of(PERIODS), counts).as(PutCounts::new);
        Arbitrary<Op> removeUnit = code.map(RemoveUnit::new);
        Arbitrary<Op> removeCounts =
                Combinators.combine(code, Arbitraries.of(PERIODS)).as(RemoveCounts::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, putUnit),
                net.jqwik.api.Tuple.of(2, putReorganisedUnit),
                net.jqwik.api.Tuple.of(1, removeUnit),
                net.jqwik.api.Tuple.of(8, putCounts),
                net.jqwik.api.Tuple.of(1, removeCounts),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Flush())));
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void incrementalLeaderboardsEqualARebuildFromTheFinalState(
            @ForAll("histories") List<Op> history, @ForAll("histories") List<Op> replayed) {
        LeaderboardBook incremental = new LeaderboardBook(20);
        List<Op> all = new ArrayList<>(replayed);
        replayed.forEach(op -> apply(incremental, op)); // the start-up replay
        incremental.goLive();
        history.forEach(op -> apply(incremental, op));
        all.addAll(history);
        incremental.flush();

        LeaderboardBook rebuilt = new LeaderboardBook(20);
        all.forEach(op -> apply(rebuilt, op));
        rebuilt.goLive();

        for (String level : LEVELS) {
            for (String parent : parentsOrNull()) {
                for (Period period : PERIODS) {
                    for (Indicator indicator : Indicator.values()) {
                        LeaderboardKey k = new LeaderboardKey(level, parent, period, indicator);
                        assertThat(incremental.get(k)).as(k.toString()).isEqualTo(rebuilt.get(k));
                        assertThat(incremental.onTodaysMap(k, TODAY))
                                .as("on today's map: " + k)
                                .isEqualTo(rebuilt.onTodaysMap(k, TODAY));
                    }
                }
            }
        }
    }

    private static List<String> parentsOrNull() {
        List<String> parents = new ArrayList<>();
        parents.add(null);
        parents.addAll(CODES);
        return parents;
    }

    private static void apply(LeaderboardBook target, Op op) {
        switch (op) {
            case PutUnit p -> target.putUnit(p.unit());
            case RemoveUnit r -> target.removeUnit(r.code());
            case PutCounts p -> target.putCounts(p.code(), p.period(), p.counts());
            case RemoveCounts r -> target.removeCounts(r.code(), r.period());
            case Flush f -> {
                if (target.isLive()) {
                    target.flush();
                }
            }
        }
    }

    @Test
    void aRecomputationThatMovesNothingKeepsThePreparedLeaderboard() {
        provinces("01", "33");
        book.putCounts("01", JULY, onTime(30, 10));
        book.goLive();
        Leaderboard before = book.get(key("PROVINCE", null, JULY));

        // more received, nothing more ended: the on-time board is recomputed and comes out equal
        book.putCounts("01", JULY, new PeriodCounts(0, 45, 0, 0, 0, 0, 30, 10, 5, 0, 0, 0, 0));
        List<Leaderboard> changed = book.flush();

        assertThat(changed).extracting(Leaderboard::indicator).doesNotContain(Indicator.ON_TIME_RATE);
        assertThat(book.get(key("PROVINCE", null, JULY))).isSameAs(before);
    }

    /**
     * Issue 24: 34 merged into 33 on 2026-07-01, its commune 34.001 moved to 33. June lists both provinces as they
     * were; July lists 33 with 34's counts; on today's map June is 33 with 34's counts too, and its movement too.
     */
    @Test
    void aMergerRanksEachPeriodOnItsOwnMapOrOnTodays() {
        provinces("01", "33");
        book.putUnit(new Unit(
                "34", "Province 34", "PROVINCE", null, null, java.time.LocalDate.of(2026, 6, 30), "33", List.of()));
        book.putUnit(new Unit(
                "34.001",
                "Xã B",
                "COMMUNE",
                "33",
                null,
                null,
                null,
                List.of(new vn.dossierstats.unitstats.UnitSpan.FormerParent(
                        java.time.LocalDate.of(2026, 7, 1), "34"))));
        book.putUnit(new Unit("33.001", "Xã A", "COMMUNE", "33"));
        book.putCounts("01", JUNE, onTime(30, 10));
        book.putCounts("33", JUNE, onTime(10, 20));
        book.putCounts("34", JUNE, onTime(40, 0));
        book.putCounts("34.001", JUNE, onTime(40, 0));
        book.putCounts("01", JULY, onTime(30, 10));
        book.putCounts("33", JULY, onTime(20, 10));
        book.putCounts("34", JULY, onTime(40, 0)); // dossiers received under 34 in June, ended in July
        book.goLive();

        Leaderboard june = book.get(key("PROVINCE", null, JUNE));
        assertThat(june.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("34", "01", "33");
        Leaderboard july = book.get(key("PROVINCE", null, JULY));
        assertThat(july.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("33", "01");
        assertThat(july.entries().getFirst().volume()).isEqualTo(70);
        assertThat(july.entries()).extracting(Leaderboard.Entry::previousRank).containsExactly(3, 2);
        assertThat(book.get(key("COMMUNE", "34", JUNE)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("34.001");
        assertThat(book.get(key("COMMUNE", "33", JUNE)).unranked())
                .extracting(Leaderboard.Unranked::unitCode)
                .containsExactly("33.001");

        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 7);
        Leaderboard juneToday = book.onTodaysMap(key("PROVINCE", null, JUNE), today);
        assertThat(juneToday.entries()).extracting(Leaderboard.Entry::unitCode).containsExactly("01", "33");
        assertThat(juneToday.entries().get(1).volume()).isEqualTo(70);
        Leaderboard julyToday = book.onTodaysMap(key("PROVINCE", null, JULY), today);
        assertThat(julyToday.entries())
                .extracting(Leaderboard.Entry::previousRank)
                .containsExactly(2, 1);

        // a late count of the ended unit moves its successor's leaderboard
        book.putCounts("34", JULY, onTime(0, 40));
        book.flush();
        assertThat(book.get(key("PROVINCE", null, JULY)).entries())
                .extracting(Leaderboard.Entry::unitCode)
                .containsExactly("01", "33");
    }

    private void provinces(String... codes) {
        for (String code : codes) {
            book.putUnit(new Unit(code, "Province " + code, "PROVINCE", null));
        }
    }

    private static LeaderboardKey key(String level, String parent, Period period) {
        return new LeaderboardKey(level, parent, period, Indicator.ON_TIME_RATE);
    }

    /** Counts where {@code onTime} ended on time and {@code late} late. */
    private static PeriodCounts onTime(long onTime, long late) {
        return new PeriodCounts(0, onTime + late, 0, 0, 0, 0, onTime, late, 0, 0, 0, 0, 0);
    }
}
