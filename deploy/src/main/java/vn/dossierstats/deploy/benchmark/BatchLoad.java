package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import vn.dossierstats.deploy.DossierGenerator;

/**
 * Loads the run's dossiers in 1,000-event batches, a third at each of 1, 2 and 4 concurrent clients, then waits until
 * the statistics count them all: the ingestion rate per concurrency and the rate end to end.
 */
final class BatchLoad {

    static final int BATCH_EVENTS = 1_000;

    /**
     * Events per second: the best of the three ingestion rates, and the rate end to end (accepted and counted in the
     * statistics), what the platform sustains.
     */
    record Rates(double bestAccepted, double endToEnd) {}

    private BatchLoad() {}

    static Rates run(BenchmarkRun run) throws Exception {
        int count = run.options.dossiers();
        long eventsBefore = run.events.get(); // the warm-up's are not this phase's
        Instant start = Instant.now();
        double best = 0;
        int[] concurrency = {1, 2, 4};
        for (int i = 0; i < concurrency.length; i++) {
            int share = count / 3 + (i == 0 ? count % 3 : 0);
            AtomicInteger remaining = new AtomicInteger(share);
            long before = run.events.get();
            Instant partStart = Instant.now();
            inBatches(run, concurrency[i], () -> remaining.getAndDecrement() > 0);
            double rate = BenchmarkRun.rate(run.events.get() - before, partStart);
            best = Math.max(best, rate);
            run.results.add(
                    "ingestion, 1,000-event batches, %d client%s"
                            .formatted(concurrency[i], concurrency[i] > 1 ? "s" : ""),
                    "%,.0f events/s (%,d dossiers)".formatted(rate, share),
                    "≥ 50,000 events/s",
                    rate >= 50_000);
            run.out.printf("loaded %,d dossiers at %d clients: %,.0f events/s%n", share, concurrency[i], rate);
        }
        long loaded = run.events.get() - eventsBefore;
        Duration visible = run.awaitVisible(Duration.ofHours(2));
        Duration total = Duration.between(start, Instant.now());
        double endToEnd = loaded * 1000.0 / total.toMillis();
        run.results.add(
                "end to end: %,d events accepted and visible in the statistics".formatted(loaded),
                "%,.0f events/s (%s s; the statistics caught up %s s after the last batch)"
                        .formatted(endToEnd, BenchmarkRun.seconds(total), BenchmarkRun.seconds(visible)),
                "≥ 50,000 events/s",
                endToEnd >= 50_000);
        return new Rates(best, endToEnd);
    }

    /** Posts dossiers in 1,000-event batches from {@code clients} concurrent clients, each while {@code more} holds. */
    static void inBatches(BenchmarkRun run, int clients, BooleanSupplier more) throws Exception {
        BenchmarkRun.runAll(clients, worker -> {
            DossierGenerator generator = run.generator();
            List<String> batch = new ArrayList<>(BATCH_EVENTS + 2);
            while (more.getAsBoolean()) {
                batch.addAll(generator.dossier(Instant.now()));
                run.dossiers.incrementAndGet();
                if (batch.size() >= BATCH_EVENTS - 1) { // a dossier has at most two events
                    run.events.addAndGet(run.gateway.postBatch(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                run.events.addAndGet(run.gateway.postBatch(batch));
            }
        });
    }
}
