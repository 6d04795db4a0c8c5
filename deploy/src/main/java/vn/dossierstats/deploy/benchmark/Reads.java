package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A province's report and the 34-province leaderboard through the gateway: one client reading one at a time (the
 * latency of a read on its own), as many as 32 clients can read (the capacity), and a fixed request rate while
 * single events arrive at the national peak (open loop: a latency counts from when its request was due, so that a
 * stall is not hidden).
 */
final class Reads {

    /** At most this many reads in flight: beyond it the service is not keeping up, and the read counts as failed. */
    private static final int MAX_IN_FLIGHT = 256;

    private static final int CAPACITY_CLIENTS = 32;

    /** A read, and what its capacity and latency under load must reach. */
    private record Read(String name, String path, int capacityTarget, double p99Target) {}

    private Reads() {}

    static void run(BenchmarkRun run) throws Exception {
        String month = YearMonth.now(BenchmarkRun.ZONE).toString();
        List<Read> reads = List.of(
                new Read("report of a province", "/api/v1/stats/units/01?period=" + month, 5_000, 10),
                new Read(
                        "leaderboard of the 34 provinces",
                        "/api/v1/leaderboards?level=PROVINCE&indicator=ON_TIME_RATE&period=" + month,
                        10_000,
                        10));
        for (Read read : reads) {
            Latencies alone = sequential(run, read.path(), run.size.sequentialReads);
            run.results.add(
                    "read latency through the gateway, %s, one client".formatted(read.name()), alone.toString());
            run.ownReads.put(read.name(), alone);
            run.out.printf("%s, one client: %s%n", read.name(), alone);

            double capacity = capacity(run, read.path());
            run.results.add(
                    "read capacity through the gateway, %s, %d clients".formatted(read.name(), CAPACITY_CLIENTS),
                    "%,.0f reads/s".formatted(capacity),
                    "≥ %,d reads/s".formatted(read.capacityTarget()),
                    capacity >= read.capacityTarget());
            run.out.printf("%s, capacity: %,.0f reads/s%n", read.name(), capacity);

            int rate = run.size.readRate;
            SteadyEvents ingestion = new SteadyEvents(run, run.size.ingestRate);
            Latencies underLoad = openLoop(run, read.path(), rate);
            double ingested = ingestion.stop();
            run.results.add(
                    "read latency through the gateway, %s, %,d reads/s while ingesting %,.0f single events/s"
                            .formatted(read.name(), rate, ingested),
                    underLoad.toString(),
                    "p99 ≤ %.0f ms".formatted(read.p99Target()),
                    underLoad.failed() == 0 && underLoad.count() > 0 && underLoad.p99() <= read.p99Target());
            run.out.printf("%s at %d/s: %s%n", read.name(), rate, underLoad);
        }
    }

    private static Latencies sequential(BenchmarkRun run, String path, int count) {
        for (int i = 0; i < Math.min(200, count); i++) {
            run.gateway.getJson(path); // warm
        }
        List<Duration> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            run.gateway.getJson(path);
            samples.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return Latencies.of(samples);
    }

    /** Closed loop: each client sends its next read as soon as the last one is answered, for one phase. */
    private static double capacity(BenchmarkRun run, String path) throws Exception {
        AtomicLong answered = new AtomicLong();
        Instant start = Instant.now();
        Instant end = start.plus(run.size.phase);
        BenchmarkRun.runAll(CAPACITY_CLIENTS, worker -> {
            while (Instant.now().isBefore(end)) {
                run.gateway.getJson(path);
                answered.incrementAndGet();
            }
        });
        return BenchmarkRun.rate(answered.get(), start);
    }

    private static Latencies openLoop(BenchmarkRun run, String path, int rate) {
        int requests = (int) (rate * run.size.phase.toMillis() / 1000);
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Duration> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<?>> pending = new ArrayList<>(requests);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = start + i * intervalNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            if (!inFlight.tryAcquire()) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, MAX_IN_FLIGHT + " reads in flight");
                continue;
            }
            pending.add(run.gateway.getAsync(path).whenComplete((response, error) -> {
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(
                            null, error != null ? error.toString() : "HTTP " + response.statusCode());
                } else {
                    samples.add(Duration.ofNanos(System.nanoTime() - due));
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        Latencies latencies = Latencies.of(samples);
        if (failures.get() > 0) {
            run.out.printf(
                    "%d of %d reads of %s failed, first: %s%n", failures.get(), requests, path, firstFailure.get());
            return new Latencies(latencies.count(), latencies.p50(), latencies.p99(), latencies.max(), failures.get());
        }
        return latencies;
    }
}
