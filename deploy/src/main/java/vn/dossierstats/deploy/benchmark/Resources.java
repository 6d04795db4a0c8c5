package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
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

    /**
     * Adds the row of the phase that ends now: each process's share of a core over it (and the part of it its JIT
     * compiler used, where that was at least 0.01 of a core), and their total.
     */
    void phaseEnded(String phase, Results results) {
        Map<String, ProcessUsage> now = ProcessUsage.of(processes.get());
        Duration wall = Duration.between(phaseStarted, Instant.now());
        StringJoiner shares = new StringJoiner(", ");
        double total = 0;
        double compiling = 0;
        for (Map.Entry<String, ProcessUsage> process : now.entrySet()) {
            ProcessUsage before = phaseStart.getOrDefault(process.getKey(), ProcessUsage.NONE);
            double cores = share(process.getValue().cpu().minus(before.cpu()), wall);
            // at least 0: a compiler thread that ended during the phase took its time with it
            double jit = Math.max(0, share(process.getValue().compiling().minus(before.compiling()), wall));
            shares.add("%s %.2f%s"
                    .formatted(shortName(process.getKey()), cores, jit >= 0.005 ? " (JIT %.2f)".formatted(jit) : ""));
            total += cores;
            compiling += jit;
        }
        results.add(
                "cores used during %s".formatted(phase),
                "%.2f of %d over %s s, of which JIT compilers %.2f: %s"
                        .formatted(
                                total,
                                Runtime.getRuntime().availableProcessors(),
                                BenchmarkRun.seconds(wall),
                                compiling,
                                shares));
        phaseStart = now;
        phaseStarted = Instant.now();
    }

    /** Adds one row per process: CPU over the whole run (of which its JIT compilers), memory at the end and peak. */
    void runEnded(Results results) {
        Map<String, ProcessUsage> now = ProcessUsage.of(processes.get());
        Duration elapsed = Duration.between(start, Instant.now());
        now.forEach((name, usage) -> {
            ProcessUsage before = atStart.getOrDefault(name, ProcessUsage.NONE);
            Duration cpu = usage.cpu().minus(before.cpu());
            Duration compiled = usage.compiling().minus(before.compiling());
            Duration jit = compiled.isNegative() ? Duration.ZERO : compiled;
            results.add(
                    "CPU and memory: " + name,
                    "%.0f CPU-s over %d s (%.0f %% of one core; JIT compilers %.0f CPU-s), RSS %d MiB, peak %d MiB"
                            .formatted(
                                    cpu.toMillis() / 1000.0,
                                    elapsed.toSeconds(),
                                    100.0 * cpu.toMillis() / Math.max(1, elapsed.toMillis()),
                                    jit.toMillis() / 1000.0,
                                    usage.rssKib() / 1024,
                                    usage.peakRssKib() / 1024));
        });
    }

    private static double share(Duration cpu, Duration wall) {
        return cpu.toMillis() / (double) Math.max(1, wall.toMillis());
    }

    private static String shortName(String process) {
        return process.startsWith("load generator") ? "load generator" : process;
    }
}
