package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;

/**
 * Before anything is measured, every JVM compiles the paths the phases take: half the warm-up in 1,000-event
 * batches, half as single-event requests, then the statistics catch up. Not a measure of the platform, which runs
 * warm in production for days; its row says what it loaded, and its CPU row how much of the machine the JIT
 * compilers took meanwhile (on 2 cores, a cold platform spends a large share of them compiling: docs/benchmarks.md).
 */
final class WarmUp {

    private static final int CLIENTS = 4;

    private WarmUp() {}

    static void run(BenchmarkRun run, Duration length) throws Exception {
        long eventsBefore = run.events.get();
        Instant start = Instant.now();
        Instant batchesEnd = start.plus(length.dividedBy(2));
        BatchLoad.inBatches(run, CLIENTS, () -> Instant.now().isBefore(batchesEnd));
        long inBatches = run.events.get() - eventsBefore;
        SingleEvents.oneByOne(run, CLIENTS * 4, start.plus(length));
        long events = run.events.get() - eventsBefore;
        Duration visible = run.awaitVisible(Duration.ofMinutes(30));
        run.results.add(
                "warm-up before the measured phases (not a measure)",
                "%,d events in %s s (%,d in batches, %,d as single events); the statistics caught up %s s after"
                        .formatted(
                                events,
                                BenchmarkRun.seconds(length),
                                inBatches,
                                events - inBatches,
                                BenchmarkRun.seconds(visible)));
        run.out.printf("warmed up with %,d events%n", events);
    }
}
