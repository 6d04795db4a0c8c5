package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What judging costs, on its own: the CPU of re-judging a dossier's whole history each time one of its events
 * arrives, as ingestion does, over random histories (RandomHistories: pauses, supplements, payments, ratings, ends).
 * A measurement, not a test: run it with the test classpath and read the figure (docs/benchmarks.md quotes it).
 */
public final class JudgingCost {

    private JudgingCost() {}

    public static void main(String[] args) {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        RandomHistories random = new RandomHistories(17, "cost");
        List<RandomHistories.History> histories = new ArrayList<>(dossiers);
        long events = 0;
        for (int i = 0; i < dossiers; i++) {
            RandomHistories.History history = random.next("D" + i, Instant.parse("2026-01-01T00:00:00Z"));
            histories.add(history);
            events += history.events().size();
        }
        for (int round = 0; round < 5; round++) {
            long judged = 0;
            long start = System.nanoTime();
            for (RandomHistories.History history : histories) {
                DossierHistory judging = new DossierHistory(RandomHistories.ZONE, 1, receipt -> history.baseDue());
                // as ingestion does: the history so far judged again on each arrival
                for (int n = 1; n <= history.events().size(); n++) {
                    judged += judging.replay(history.events().subList(0, n))
                            .judgements()
                            .size();
                }
            }
            long nanos = System.nanoTime() - start;
            System.out.printf(
                    "round %d: %,d dossiers, %,d events (%.1f per dossier), %,d judgements: %.2f µs per arriving event,"
                            + " %.0f ns per judgement%n",
                    round,
                    dossiers,
                    events,
                    events / (double) dossiers,
                    judged,
                    nanos / 1000.0 / events,
                    nanos / (double) judged);
        }
    }
}
