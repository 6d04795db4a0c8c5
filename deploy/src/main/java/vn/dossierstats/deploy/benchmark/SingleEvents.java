package vn.dossierstats.deploy.benchmark;

import java.time.Instant;
import vn.dossierstats.deploy.DossierGenerator;

/** One event per request, as one-stop-shop systems push them, for one phase at each concurrency of the size. */
final class SingleEvents {

    private SingleEvents() {}

    static void run(BenchmarkRun run) throws Exception {
        for (int clients : run.size.singleEventConcurrency) {
            long before = run.events.get();
            Instant start = Instant.now();
            oneByOne(run, clients, start.plus(run.size.phase));
            double rate = BenchmarkRun.rate(run.events.get() - before, start);
            run.results.add(
                    "ingestion, single-event requests, %d clients".formatted(clients),
                    "%,.0f events/s".formatted(rate),
                    "≥ 5,000 events/s",
                    rate >= 5_000);
            run.out.printf("single events at %d clients: %,.0f events/s%n", clients, rate);
        }
    }

    /** Posts dossiers one event per request from {@code clients} concurrent clients until {@code end}. */
    static void oneByOne(BenchmarkRun run, int clients, Instant end) throws Exception {
        BenchmarkRun.runAll(clients, worker -> {
            DossierGenerator generator = run.generator();
            while (Instant.now().isBefore(end)) {
                run.dossiers.incrementAndGet();
                for (String event : generator.dossier(Instant.now())) {
                    run.gateway.postEvent(event);
                    run.events.incrementAndGet();
                }
            }
        });
    }
}
