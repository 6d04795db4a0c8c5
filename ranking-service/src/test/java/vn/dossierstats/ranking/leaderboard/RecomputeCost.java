package vn.dossierstats.ranking.leaderboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * What a recomputation of the leaderboards costs under load: 34 provinces of 97 communes each, every commune with
 * counts in the running day, month, quarter and year and in the period before each; then, round after round, 500
 * communes' running periods change and {@link LeaderboardBook#flush()} ranks what they touch (the nationwide commune
 * leaderboards and each province's, nine indicators each). With {@code merged}, the map is reorganised as the
 * seeded 2025 merger leaves it: a 35th province ended on 2025-06-30, merged into the first. A measurement, not a
 * test: run it with the test classpath ({@code RecomputeCost <rounds> [merged]}) and read the figures
 * (docs/benchmarks.md quotes them).
 */
public final class RecomputeCost {

    private static final int PROVINCES = 34;
    private static final int COMMUNES = 97;
    private static final int CHANGED = 500;

    private RecomputeCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        boolean merged = args.length > 1 && args[1].equals("merged");
        Random random = new Random(7);
        LocalDate today = LocalDate.of(2026, 12, 7);
        Period[] running = Arrays.stream(Granularity.values())
                .map(granularity -> Period.of(granularity, today))
                .toArray(Period[]::new);
        LeaderboardBook book = new LeaderboardBook(20);
        if (merged) {
            book.putUnit(
                    new Unit("P35", "Province 35", "PROVINCE", null, null, LocalDate.of(2025, 6, 30), "P1", List.of()));
        }
        for (int p = 1; p <= PROVINCES; p++) {
            book.putUnit(new Unit("P" + p, "Province " + p, "PROVINCE", null));
            for (int c = 0; c < COMMUNES; c++) {
                String commune = "P" + p + "." + c;
                book.putUnit(new Unit(commune, "Commune " + c, "COMMUNE", "P" + p));
                for (Period period : running) {
                    book.putCounts(commune, period, counts(random));
                    book.putCounts(commune, period.previous(), counts(random));
                }
            }
        }
        book.goLive();
        long[] micros = new long[rounds];
        long[] marking = new long[rounds];
        int boards = 0;
        for (int round = 0; round < rounds; round++) {
            long changing = System.nanoTime();
            for (int i = 0; i < CHANGED; i++) {
                String commune = "P" + (1 + random.nextInt(PROVINCES)) + "." + random.nextInt(COMMUNES);
                for (Period period : running) {
                    book.putCounts(commune, period, counts(random));
                }
            }
            long start = System.nanoTime();
            marking[round] = (start - changing) / 1_000;
            boards = book.flush().size();
            micros[round] = (System.nanoTime() - start) / 1_000;
        }
        // the second half: after the JIT has compiled the book
        long[] warm = Arrays.copyOfRange(micros, rounds / 2, rounds);
        Arrays.sort(warm);
        long[] warmMarking = Arrays.copyOfRange(marking, rounds / 2, rounds);
        Arrays.sort(warmMarking);
        System.out.printf(
                "%s map, %d communes changed: their counts taken in, median %.1f ms; flush (%d leaderboards changed)"
                        + " min %.1f ms, median %.1f ms (%d rounds)%n",
                merged ? "reorganised" : "plain",
                CHANGED,
                warmMarking[warmMarking.length / 2] / 1000.0,
                boards,
                warm[0] / 1000.0,
                warm[warm.length / 2] / 1000.0,
                warm.length);
    }

    private static PeriodCounts counts(Random random) {
        long received = random.nextInt(300);
        long online = random.nextInt((int) received + 1);
        return new PeriodCounts(
                random.nextInt(200),
                received,
                online,
                received - online,
                0,
                random.nextInt(50),
                random.nextInt(50),
                random.nextInt(10),
                random.nextInt(100),
                random.nextInt(20),
                random.nextInt(100),
                random.nextInt(50),
                random.nextInt(30),
                random.nextInt(40),
                random.nextInt(5),
                random.nextInt(50));
    }
}
