package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;
import vn.dossierstats.deploy.EmbeddedPlatform;
import vn.dossierstats.deploy.PlatformOptions;
import vn.dossierstats.deploy.TrafficSimulator;

/**
 * One run on this machine, everything together (broker, database, four services and this load generator), phase
 * after phase, after a {@link WarmUp}: {@link BatchLoad}, {@link SingleEvents}, {@link Freshness} under batches and under single events,
 * {@link Reads}, the SQL {@link StatusQuo} on the same data, a {@link Rebuild}, and the {@link Resources} each phase
 * used. {@code deploy/benchmark} runs it.
 */
public final class Benchmark {

    private final BenchmarkOptions options;
    private final PrintStream out;

    public Benchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of(args));
        Results results = new Benchmark(options, System.out).run();
        System.out.println();
        System.out.println(results.markdown());
        if (options.output() != null) {
            results.writeInto(options.output(), options.size().label);
            System.out.println("Written into " + options.output());
        }
        System.exit(0);
    }

    public Results run() throws Exception {
        Results results = new Results();
        describeMachine(results);
        PlatformOptions platformOptions = PlatformOptions.onFreePorts(
                        options.home(),
                        options.dataDir(),
                        options.size() == BenchmarkOptions.Size.SMOKE) // the smoke run checks that it works: start fast
                .withInstances(options.instances());
        out.println("Starting the platform in " + options.dataDir() + " ...");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(platformOptions)) {
            // Ctrl-C stops the platform's processes too
            Thread stopper = new Thread(platform::close);
            Runtime.getRuntime().addShutdownHook(stopper);
            measure(new BenchmarkRun(options, platform, results, out));
            Runtime.getRuntime().removeShutdownHook(stopper);
            return results;
        }
    }

    private static void measure(BenchmarkRun run) throws Exception {
        Resources resources = new Resources(() -> processes(run.platform));
        new TrafficSimulator(
                        run.platform.gatewayUrl(),
                        EmbeddedPlatform.SOURCE_KEY,
                        EmbeddedPlatform.ADMIN_TOKEN,
                        1,
                        run.out)
                .setUpCatalogue();
        run.gateway.put(
                "/api/v1/units/" + BenchmarkRun.PROBE_UNIT,
                "{\"name\":\"Xã thăm dò\",\"level\":\"COMMUNE\",\"parentCode\":\"01\"}",
                EmbeddedPlatform.ADMIN_TOKEN);

        if (run.options.warmUp().isPositive()) {
            WarmUp.run(run, run.options.warmUp());
            resources.phaseEnded("the warm-up", run.results);
        }
        BatchLoad.Rates batchRates = BatchLoad.run(run);
        resources.phaseEnded("the batch load", run.results);
        SingleEvents.run(run);
        resources.phaseEnded("single-event requests", run.results);
        Freshness.underBatches(run, batchRates.bestAccepted() * 0.7);
        resources.phaseEnded("freshness under batches", run.results);
        // each freshness phase starts from statistics that have caught up, not from the queue the last one left
        run.awaitVisible(java.time.Duration.ofMinutes(30));
        Freshness.underSustainedBatches(run, batchRates.endToEnd() * 0.7);
        resources.phaseEnded("freshness under batches the statistics keep up with", run.results);
        run.awaitVisible(java.time.Duration.ofMinutes(30));
        Freshness.underSingleEvents(run, run.size.ingestRate);
        resources.phaseEnded("freshness under single events", run.results);
        run.awaitVisible(java.time.Duration.ofMinutes(30));
        Reads.run(run);
        resources.phaseEnded("reads", run.results);
        StatusQuo.run(run);
        Rebuild.run(run);
        resources.phaseEnded("the rebuild (and the status quo's table before it)", run.results);
        resources.runEnded(run.results);
    }

    private static Map<String, ProcessHandle> processes(EmbeddedPlatform platform) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>(platform.processes());
        processes.put("load generator (this JVM)", ProcessHandle.current());
        return processes;
    }

    private void describeMachine(Results results) throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1024 * 1024 * 1024);
        results.context(
                "`deploy/benchmark --size=%s` on %s".formatted(options.size().label, LocalDate.now(BenchmarkRun.ZONE)));
        results.context("machine: %d cores (%s), %d GiB; everything on it at once: broker, database, four services,"
                        .formatted(Runtime.getRuntime().availableProcessors(), cpu, memory)
                + " load generator");
        results.context(
                "machine speed: one core digests %,.0f MB/s with SHA-256 before the platform starts (the host is"
                                .formatted(MachineSpeed.sha256MegabytesPerSecond(1_000))
                        + " shared: compare runs at similar speeds)");
        results.context("Java %s (%s); Kafka %s"
                .formatted(
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"),
                        AppInfoParser.getVersion()));
        results.context("tracing sampling probability %s (TRACING_SAMPLING_PROBABILITY)"
                .formatted(System.getenv().getOrDefault("TRACING_SAMPLING_PROBABILITY", "1.0")));
        results.context("%,d dossiers loaded first, after a warm-up of %d s; each measured phase lasts %d s"
                .formatted(
                        options.dossiers(),
                        options.warmUp().toSeconds(),
                        options.size().phase.toSeconds()));
    }
}
