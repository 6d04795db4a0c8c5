package vn.dossierstats.deploy.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.deploy.DossierGenerator;
import vn.dossierstats.deploy.EmbeddedPlatform;
import vn.dossierstats.deploy.TrafficSimulator;

/**
 * What the phases of one run share: the platform and the client in front of it, the table being filled, and the
 * running totals of what was loaded, so that each phase can wait until the statistics count all of it.
 */
final class BenchmarkRun {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A commune only the freshness probe writes to, so that its counts change exactly by the probe's events. */
    static final String PROBE_UNIT = "01.PROBE";

    final BenchmarkOptions options;
    final BenchmarkOptions.Size size;
    final EmbeddedPlatform platform;
    final GatewayClient gateway;
    final Results results;
    final PrintStream out;
    /** Dossiers and events sent and accepted so far, by every phase. */
    final AtomicLong dossiers = new AtomicLong();

    final AtomicLong events = new AtomicLong();
    /** The platform's one-client read latencies, by read, for the comparison with the SQL status quo. */
    final Map<String, Latencies> ownReads = new LinkedHashMap<>();

    private final AtomicInteger seeds = new AtomicInteger(8);
    /** The year of this run's earliest receipts: the generator dates a receipt at most 23 days before it runs. */
    private final int firstYear = LocalDate.now(ZONE).minusMonths(1).getYear();

    BenchmarkRun(BenchmarkOptions options, EmbeddedPlatform platform, Results results, PrintStream out) {
        this.options = options;
        this.size = options.size();
        this.platform = platform;
        this.gateway = new GatewayClient(platform.gatewayUrl(), EmbeddedPlatform.SOURCE_KEY);
        this.results = results;
        this.out = out;
    }

    /** A generator of its own for each worker: reproducible, and no contention between workers. */
    DossierGenerator generator() {
        return new DossierGenerator(new Random(seeds.incrementAndGet()));
    }

    /** Waits until the statistics count every dossier loaded so far; returns how long that took. */
    Duration awaitVisible(Duration timeout) {
        Instant start = Instant.now();
        long expected = dossiers.get();
        while (provincesReceived(gateway::getJson) < expected) {
            if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                throw new IllegalStateException("the statistics did not show all " + expected + " dossiers");
            }
            // 34 reports a poll: poll gently, the figure is for the platform, not for this loop's load
            LockSupport.parkNanos(500_000_000);
        }
        return Duration.between(start, Instant.now());
    }

    /**
     * The dossiers received in all provinces, each counted once, in the year of its receipt: summed over the years of
     * this run, so that a run across New Year's midnight (in Vietnam) still counts what it loaded before it. -1 when
     * a report cannot be read.
     */
    long provincesReceived(Function<String, JsonNode> get) {
        long total = 0;
        for (int year = firstYear; year <= LocalDate.now(ZONE).getYear(); year++) {
            for (String province : TrafficSimulator.PROVINCES) {
                JsonNode report = get.apply("/api/v1/stats/units/" + province + "?period=" + year);
                if (report == null) {
                    return -1;
                }
                total += report.path("received").path("new").asLong();
            }
        }
        return total;
    }

    @FunctionalInterface
    interface Worker {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} workers on virtual threads and waits for all; the first failure fails the run. */
    static void runAll(int count, Worker worker) throws Exception {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    worker.run(index);
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
    }

    static double rate(long count, Instant since) {
        return count
                * 1000.0
                / Math.max(1, Duration.between(since, Instant.now()).toMillis());
    }

    static String seconds(Duration duration) {
        return "%.1f".formatted(duration.toMillis() / 1000.0);
    }
}
