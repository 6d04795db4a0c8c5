package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * CPU of every process against wall time, per phase and over the whole run, and memory at the end: where a phase's
 * requests wait shows as cores left idle, where they queue for CPU as a machine used to the full.
 */
final class Resources {

    private final Supplier<Map<String, ProcessHandle>> processes;
    private final Map<String, ProcessUsage> atStart;
    private final Instant start = Instant.now();
    private Map<String, ProcessUsage> phaseStart;
    private Instant phaseStarted = start;

    Resources(Supplier<Map<String, ProcessHandle>> processes) {
        this.processes = processes;
        this.atStart = ProcessUsage.of(processes.get());
        this.phaseStart = atStart;
    }

    /** Adds the row of the phase that ends now: each process's share of a core over it, and their total. */
    void phaseEnded(String phase, Results results) {
        Map<String, ProcessUsage> now = ProcessUsage.of(processes.get());
        Duration wall = Duration.between(phaseStarted, Instant.now());
        Map<String, Double> cores = cores(phaseStart, now, wall);
        StringJoiner shares = new StringJoiner(", ");
        cores.forEach((name, share) -> shares.add("%s %.2f".formatted(name, share)));
        double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        results.add(
                "cores used during %s".formatted(phase),
                "%.2f of %d over %s s: %s"
                        .formatted(
                                total, Runtime.getRuntime().availableProcessors(), BenchmarkRun.seconds(wall), shares));
        phaseStart = now;
        phaseStarted = Instant.now();
    }

    /** Adds one row per process: CPU over the whole run, memory at the end and at its peak. */
    void runEnded(Results results) {
        Map<String, ProcessUsage> now = ProcessUsage.of(processes.get());
        Duration elapsed = Duration.between(start, Instant.now());
        now.forEach((name, usage) -> {
            ProcessUsage before = atStart.getOrDefault(name, new ProcessUsage(Duration.ZERO, 0, 0));
            Duration cpu = usage.cpu().minus(before.cpu());
            results.add(
                    "CPU and memory: " + name,
                    "%.0f CPU-s over %d s (%.0f %% of one core), RSS %d MiB, peak %d MiB"
                            .formatted(
                                    cpu.toMillis() / 1000.0,
                                    elapsed.toSeconds(),
                                    100.0 * cpu.toMillis() / Math.max(1, elapsed.toMillis()),
                                    usage.rssKib() / 1024,
                                    usage.peakRssKib() / 1024));
        });
    }

    private static Map<String, Double> cores(
            Map<String, ProcessUsage> from, Map<String, ProcessUsage> to, Duration wall) {
        Map<String, Double> cores = new LinkedHashMap<>();
        to.forEach((name, usage) -> {
            ProcessUsage before = from.getOrDefault(name, new ProcessUsage(Duration.ZERO, 0, 0));
            cores.put(
                    shortName(name),
                    usage.cpu().minus(before.cpu()).toMillis() / (double) Math.max(1, wall.toMillis()));
        });
        return cores;
    }

    private static String shortName(String process) {
        return process.startsWith("load generator") ? "load generator" : process;
    }
}
