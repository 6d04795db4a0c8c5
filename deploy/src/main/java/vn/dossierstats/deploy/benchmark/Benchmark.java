package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.deploy.DossierGenerator;
import vn.dossierstats.deploy.EmbeddedPlatform;
import vn.dossierstats.deploy.PlatformOptions;
import vn.dossierstats.deploy.TrafficSimulator;

/**
 * One run on this machine, everything together (broker, database, four services and this load generator): loads
 * the simulator's dossiers through the gateway in batches, then measures single-event ingestion, freshness to the
 * report and to the leaderboard at 70 % of the best ingestion rate, read latency at a fixed request rate, the SQL
 * status quo on the same data, a rebuild, and each process's CPU and memory. {@code deploy/benchmark} runs it.
 */
public final class Benchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A commune only the freshness probe writes to, so that its counts change exactly by the probe's events. */
    private static final String PROBE_UNIT = "01.PROBE";

    private static final int BATCH_EVENTS = 1_000;
    private static final String FACTS_TOPIC = "dossier.facts.v1";

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Results results = new Results();
    private final AtomicLong dossiers = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger seeds = new AtomicInteger(8);
    /** The platform's read latencies, by read, for the comparison with the SQL status quo. */
    private final Map<String, Latencies> ours = new LinkedHashMap<>();
    /** The year of this run's earliest receipts: the generator dates a receipt at most 23 days before it runs. */
    private final int firstYear = LocalDate.now(ZONE).minusMonths(1).getYear();

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
        var size = options.size();
        context();
        PlatformOptions platformOptions = new PlatformOptions(
                options.home(),
                options.dataDir(),
                true,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                size == BenchmarkOptions.Size.SMOKE, // the smoke run checks that it works: start fast
                false,
                0);
        out.println("Starting the platform in " + options.dataDir() + " ...");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(platformOptions)) {
            // Ctrl-C stops the platform's processes too
            Thread stopper = new Thread(platform::close);
            Runtime.getRuntime().addShutdownHook(stopper);
            Results results = measure(platform);
            Runtime.getRuntime().removeShutdownHook(stopper);
            return results;
        }
    }

    private Results measure(EmbeddedPlatform platform) throws Exception {
        Map<String, ProcessUsage> before = ProcessUsage.of(processes(platform));
        Instant started = Instant.now();
        GatewayClient gateway = new GatewayClient(platform.gatewayUrl(), EmbeddedPlatform.SOURCE_KEY);
        new TrafficSimulator(platform.gatewayUrl(), EmbeddedPlatform.SOURCE_KEY, EmbeddedPlatform.ADMIN_TOKEN, 1, out)
                .setUpCatalogue();
        gateway.put(
                "/api/v1/units/" + PROBE_UNIT,
                "{\"name\":\"Xã thăm dò\",\"level\":\"COMMUNE\",\"parentCode\":\"01\"}",
                EmbeddedPlatform.ADMIN_TOKEN);

        double bestRate = load(gateway, options.dossiers());
        singleEvents(gateway);
        freshness(gateway, bestRate * 0.7);
        awaitVisible(gateway, Duration.ofMinutes(30));
        reads(gateway);
        baseline(platform, gateway);
        rebuild(platform, gateway);

        Duration elapsed = Duration.between(started, Instant.now());
        Map<String, ProcessUsage> after = ProcessUsage.of(processes(platform));
        after.forEach((name, usage) -> {
            ProcessUsage start = before.getOrDefault(name, new ProcessUsage(Duration.ZERO, 0, 0));
            Duration cpu = usage.cpu().minus(start.cpu());
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
        return results;
    }

    /** Loads {@code count} dossiers in 1,000-event batches, a third at each of 1, 2 and 4 concurrent clients. */
    private double load(GatewayClient gateway, int count) throws Exception {
        Instant start = Instant.now();
        double best = 0;
        int[] concurrency = {1, 2, 4};
        for (int i = 0; i < concurrency.length; i++) {
            int share = count / 3 + (i == 0 ? count % 3 : 0);
            AtomicInteger remaining = new AtomicInteger(share);
            long before = events.get();
            Instant partStart = Instant.now();
            runAll(concurrency[i], worker -> {
                DossierGenerator generator = generator();
                List<String> batch = new ArrayList<>(BATCH_EVENTS + 2);
                while (remaining.getAndDecrement() > 0) {
                    batch.addAll(generator.dossier(Instant.now()));
                    dossiers.incrementAndGet();
                    if (batch.size() >= BATCH_EVENTS - 1) { // a dossier has at most two events
                        events.addAndGet(gateway.postBatch(batch));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    events.addAndGet(gateway.postBatch(batch));
                }
            });
            double rate = rate(events.get() - before, partStart);
            best = Math.max(best, rate);
            results.add(
                    "ingestion, 1,000-event batches, %d client%s"
                            .formatted(concurrency[i], concurrency[i] > 1 ? "s" : ""),
                    "%,.0f events/s (%,d dossiers)".formatted(rate, share),
                    "≥ 50,000 events/s",
                    rate >= 50_000);
            out.printf("loaded %,d dossiers at %d clients: %,.0f events/s%n", share, concurrency[i], rate);
        }
        long loaded = events.get();
        Duration visible = awaitVisible(gateway, Duration.ofHours(2));
        Duration total = Duration.between(start, Instant.now());
        results.add(
                "end to end: %,d events accepted and visible in the statistics".formatted(loaded),
                "%,.0f events/s (%s s; the statistics caught up %s s after the last batch)"
                        .formatted(loaded * 1000.0 / total.toMillis(), seconds(total), seconds(visible)));
        return best;
    }

    /** Single-event requests for one phase at each concurrency. */
    private void singleEvents(GatewayClient gateway) throws Exception {
        for (int clients : options.size().singleEventConcurrency) {
            long before = events.get();
            Instant start = Instant.now();
            Instant end = start.plus(options.size().phase);
            runAll(clients, worker -> {
                DossierGenerator generator = generator();
                while (Instant.now().isBefore(end)) {
                    dossiers.incrementAndGet();
                    for (String event : generator.dossier(Instant.now())) {
                        gateway.postEvent(event);
                        events.incrementAndGet();
                    }
                }
            });
            double rate = rate(events.get() - before, start);
            results.add(
                    "ingestion, single-event requests, %d clients".formatted(clients),
                    "%,.0f events/s".formatted(rate),
                    "≥ 5,000 events/s",
                    rate >= 5_000);
            out.printf("single events at %d clients: %,.0f events/s%n", clients, rate);
        }
    }

    /**
     * Drives batches at {@code rate} events/s while a probe sends one RECEIVED at a time to its own commune and
     * polls the commune's report and leaderboard entry until the dossier shows in each: the time from acceptance
     * (the 202) to visible through the gateway.
     */
    private void freshness(GatewayClient gateway, double rate) throws Exception {
        Duration phase = options.size().phase.multipliedBy(2);
        Instant end = Instant.now().plus(phase);
        List<Duration> toReport = Collections.synchronizedList(new ArrayList<>());
        List<Duration> toLeaderboard = Collections.synchronizedList(new ArrayList<>());
        long before = events.get();
        Instant start = Instant.now();
        int senders = 4;
        int batchEvents = 200;
        Thread probe = Thread.ofPlatform().name("freshness-probe").start(() -> {
            DossierGenerator generator = generator();
            String month = null;
            long expected = 0;
            long expectedVolume = 0;
            while (Instant.now().isBefore(end)) {
                // received now: it must count in the running month's new dossiers, which the probe polls
                Instant received = Instant.now();
                String receivedIn = YearMonth.from(received.atZone(ZONE)).toString();
                if (!receivedIn.equals(month)) {
                    // the first probe, or the first of a new month: its figures start from the month's own
                    month = receivedIn;
                    expected = reportCount(gateway, month);
                    expectedVolume = leaderboardVolume(gateway, month);
                }
                gateway.postEvent(generator.receipt(PROBE_UNIT, received));
                Instant accepted = Instant.now();
                dossiers.incrementAndGet();
                events.incrementAndGet();
                expected++;
                expectedVolume++;
                Duration report = null;
                Duration leaderboard = null;
                while ((report == null || leaderboard == null)
                        && Duration.between(accepted, Instant.now()).toSeconds() < 60) {
                    if (report == null && reportCount(gateway, month) >= expected) {
                        report = Duration.between(accepted, Instant.now());
                    }
                    if (leaderboard == null && leaderboardVolume(gateway, month) >= expectedVolume) {
                        leaderboard = Duration.between(accepted, Instant.now());
                    }
                    LockSupport.parkNanos(20_000_000); // polls lightly: the probe must not load the platform
                }
                if (report != null) {
                    toReport.add(report);
                }
                if (leaderboard != null) {
                    toLeaderboard.add(leaderboard);
                }
                LockSupport.parkNanos(200_000_000);
            }
        });
        runAll(senders, worker -> {
            DossierGenerator generator = generator();
            long intervalNanos = (long) (1e9 * batchEvents * senders / Math.max(1, rate));
            long next = System.nanoTime();
            while (Instant.now().isBefore(end)) {
                List<String> batch = new ArrayList<>(batchEvents + 2);
                while (batch.size() < batchEvents) {
                    batch.addAll(generator.dossier(Instant.now()));
                    dossiers.incrementAndGet();
                }
                events.addAndGet(gateway.postBatch(batch));
                next += intervalNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        });
        probe.join();
        double achieved = rate(events.get() - before, start);
        Latencies report = Latencies.of(toReport);
        Latencies leaderboard = Latencies.of(toLeaderboard);
        results.add(
                "freshness to the report at %,.0f events/s (70 %% of the best rate)".formatted(achieved),
                report.toString(),
                "p99 ≤ 500 ms",
                report.count() > 0 && report.p99() <= 500);
        results.add("freshness to the leaderboard at the same load", leaderboard.toString());
        out.printf("freshness at %,.0f events/s: report %s; leaderboard %s%n", achieved, report, leaderboard);
    }

    private long reportCount(GatewayClient gateway, String month) {
        return gateway.getJson("/api/v1/stats/units/" + PROBE_UNIT + "?period=" + month)
                .path("received")
                .path("new")
                .asLong();
    }

    private long leaderboardVolume(GatewayClient gateway, String month) {
        JsonNode board =
                gateway.getJson("/api/v1/leaderboards?level=COMMUNE&parent=01&indicator=ONLINE_SHARE&period=" + month);
        for (String list : List.of("entries", "unranked")) {
            for (JsonNode entry : board.path(list)) {
                if (PROBE_UNIT.equals(entry.path("unitCode").asString())) {
                    return entry.path("volume").asLong();
                }
            }
        }
        return 0;
    }

    /** Reads at a fixed request rate, open loop: each latency counts from when the request was due. */
    private void reads(GatewayClient gateway) throws Exception {
        String month = YearMonth.now(ZONE).toString();
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("report of a province", "/api/v1/stats/units/01?period=" + month);
        reads.put(
                "leaderboard of the 34 provinces",
                "/api/v1/leaderboards?level=PROVINCE&indicator=ON_TIME_RATE&period=" + month);
        int rate = options.size().readRate;
        for (Map.Entry<String, String> read : reads.entrySet()) {
            // one client, one read at a time: the latency of a read on its own, compared with the SQL status quo's
            Latencies alone = sequential(gateway, read.getValue(), options.size().sequentialReads);
            results.add("read latency through the gateway, %s, one client".formatted(read.getKey()), alone.toString());
            ours.put(read.getKey(), alone);
            out.printf("%s, one client: %s%n", read.getKey(), alone);
            Latencies latencies = openLoop(gateway, read.getValue(), rate, options.size().phase);
            boolean leaderboard = read.getKey().startsWith("leaderboard");
            results.add(
                    "read latency through the gateway, %s, %,d requests/s".formatted(read.getKey(), rate),
                    latencies.toString(),
                    leaderboard ? "p99 ≤ 10 ms at 1,000/s" : "p99 ≤ 20 ms",
                    latencies.failed() == 0 && latencies.count() > 0 && latencies.p99() <= (leaderboard ? 10 : 20));
            out.printf("%s at %d/s: %s%n", read.getKey(), rate, latencies);
        }
    }

    private static Latencies sequential(GatewayClient gateway, String path, int count) {
        for (int i = 0; i < Math.min(200, count); i++) {
            gateway.getJson(path); // warm
        }
        List<Duration> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            gateway.getJson(path);
            samples.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return Latencies.of(samples);
    }

    /** At most this many reads in flight: beyond it the service is not keeping up, and the read counts as failed. */
    private static final int MAX_IN_FLIGHT = 256;

    private Latencies openLoop(GatewayClient gateway, String path, int rate, Duration phase) {
        // warm the path first: the figure is for a warm service
        for (int i = 0; i < Math.min(200, rate); i++) {
            gateway.getJson(path);
        }
        int requests = (int) (rate * phase.toMillis() / 1000);
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Duration> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
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
            pending.add(gateway.getAsync(path).whenComplete((response, error) -> {
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
            out.printf("%d of %d reads of %s failed, first: %s%n", failures.get(), requests, path, firstFailure.get());
            return new Latencies(latencies.count(), latencies.p50(), latencies.p99(), latencies.max(), failures.get());
        }
        return latencies;
    }

    /** The same province report and leaderboard with SQL over a dossiers table of the same data. */
    private void baseline(EmbeddedPlatform platform, GatewayClient gateway) throws Exception {
        int times = options.size() == BenchmarkOptions.Size.SMOKE ? 3 : 20;
        YearMonth month = YearMonth.now(ZONE);
        Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = Instant.now();
        try (SqlBaseline sql = new SqlBaseline(platform.jdbcUrl("dossier"))) {
            Instant prepareStart = Instant.now();
            long rows = sql.prepare();
            results.context("PostgreSQL " + sql.serverVersion()
                    + "; baseline table of %,d dossiers built in %s s"
                            .formatted(rows, seconds(Duration.between(prepareStart, Instant.now()))));
            Latencies report = Latencies.of(SqlBaseline.time(times, () -> sql.report("01", from, to)));
            Latencies leaderboard = Latencies.of(SqlBaseline.time(times, () -> sql.leaderboard(from, to)));
            compare("report of a province", report);
            compare("leaderboard of the 34 provinces", leaderboard);

            // the check compares a closed period, yesterday: figures of the running one move between the two reads
            // (a dossier turns overdue), and the baseline table holds the facts as of when it was built
            LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
            JsonNode live = gateway.getJson("/api/v1/stats/units/01?period=" + yesterday);
            long[] counts = sql.report(
                    "01",
                    yesterday.atStartOfDay(ZONE).toInstant(),
                    yesterday.plusDays(1).atStartOfDay(ZONE).toInstant());
            long[] ours = {
                live.path("received").path("carriedOver").asLong(),
                live.path("received").path("new").asLong(),
                live.path("received").path("online").asLong(),
                live.path("ended").path("early").asLong(),
                live.path("ended").path("onTime").asLong(),
                live.path("ended").path("late").asLong(),
                live.path("inProgress").path("withinDeadline").asLong(),
                live.path("inProgress").path("overdue").asLong()
            };
            boolean equal = java.util.Arrays.equals(counts, ours);
            results.add(
                    "baseline and platform give the same report of province 01 for yesterday",
                    equal
                            ? "yes"
                            : "no: SQL %s, platform %s"
                                    .formatted(java.util.Arrays.toString(counts), java.util.Arrays.toString(ours)),
                    "equal",
                    equal);
        }
    }

    private void compare(String read, Latencies sql) {
        Latencies platform = ours.get(read);
        double ratio = sql.p50() / platform.p50();
        results.add(
                "status quo: the %s with SQL on demand".formatted(read),
                "%s; %.1f× the platform's p50 (one client each); fresh only as of the query".formatted(sql, ratio),
                "≥ 100× slower at 10M",
                ratio >= 100);
        out.printf("SQL %s: %s (%.0f× ours)%n", read, sql, ratio);
    }

    /**
     * A second metrics-service under a new application id recomputes every statistic from the facts topic. Done is
     * when its consumer group has read every topic to the end and its figures equal the live ones; until the group
     * has caught up only the broker is asked, so that the measurement does not load the instance it measures.
     */
    private void rebuild(EmbeddedPlatform platform, GatewayClient gateway) throws Exception {
        long live = provincesReceived(path -> gateway.getJson(path));
        long facts = factsInTopic(platform.kafkaBootstrap());
        int port = freePort();
        String base = "http://localhost:" + port;
        String applicationId = "metrics-rebuild-" + System.currentTimeMillis();
        Instant start = Instant.now();
        try (AutoCloseable rebuild = platform.startRebuild(applicationId, port);
                Admin admin = admin(platform.kafkaBootstrap())) {
            Instant up = null;
            Instant deadline = start.plus(Duration.ofHours(2));
            while (Instant.now().isBefore(deadline)) {
                if (up == null && gateway.getJson(base, "/actuator/health/liveness") != null) {
                    up = Instant.now();
                }
                if (up != null
                        && caughtUp(admin, applicationId)
                        && provincesReceived(path -> gateway.getJson(base, path)) == live) {
                    break;
                }
                LockSupport.parkNanos(100_000_000);
            }
            Instant done = Instant.now();
            if (up == null || !done.isBefore(deadline)) {
                throw new IllegalStateException("the rebuild did not reach the live figures");
            }
            Duration replay = Duration.between(up, done);
            double rate = facts * 1000.0 / Math.max(1, replay.toMillis());
            results.add(
                    "rebuild: %,d facts (the history of %,d accepted events) recomputed".formatted(facts, events.get()),
                    "%,.0f facts/s = %,.0f events/s (%s s after the JVM was up; %s s in all); figures equal the live ones"
                            .formatted(
                                    rate,
                                    events.get() * 1000.0 / Math.max(1, replay.toMillis()),
                                    seconds(replay),
                                    seconds(Duration.between(start, done))),
                    "≥ 100,000 events/s",
                    events.get() * 1000.0 / Math.max(1, replay.toMillis()) >= 100_000);
        }
    }

    /** Whether the consumer group has committed the end of every partition it reads (input and repartition topic). */
    private static boolean caughtUp(Admin admin, String group) {
        try {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get();
            if (committed.keySet().stream().noneMatch(p -> p.topic().equals(FACTS_TOPIC))) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null
                            && e.getValue().offset() >= ends.get(e.getKey()).offset());
        } catch (Exception e) {
            return false; // the group is not there yet
        }
    }

    /** Waits until the statistics count every dossier loaded so far; returns how long that took. */
    private Duration awaitVisible(GatewayClient gateway, Duration timeout) {
        Instant start = Instant.now();
        long expected = dossiers.get();
        while (provincesReceived(path -> gateway.getJson(path)) < expected) {
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
     * this run, so that a run across New Year's midnight (in Vietnam) still counts what it loaded before it.
     */
    private long provincesReceived(java.util.function.Function<String, JsonNode> get) {
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

    private static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(config);
    }

    private static long factsInTopic(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            var partitions = admin.describeTopics(List.of(FACTS_TOPIC))
                    .allTopicNames()
                    .get()
                    .get(FACTS_TOPIC)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            partitions.forEach(p -> {
                latest.put(new TopicPartition(FACTS_TOPIC, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(FACTS_TOPIC, p.partition()), OffsetSpec.earliest());
            });
            long end = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            long begin = admin.listOffsets(earliest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            return end - begin;
        }
    }

    private Map<String, ProcessHandle> processes(EmbeddedPlatform platform) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>(platform.processes());
        processes.put("load generator (this JVM)", ProcessHandle.current());
        return processes;
    }

    private void context() throws IOException {
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
        results.context("`deploy/benchmark --size=%s` on %s".formatted(options.size().label, LocalDate.now(ZONE)));
        results.context("machine: %d cores (%s), %d GiB; everything on it at once: broker, database, four services,"
                        .formatted(Runtime.getRuntime().availableProcessors(), cpu, memory)
                + " load generator");
        results.context("Java %s (%s); Kafka %s"
                .formatted(
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"),
                        AppInfoParser.getVersion()));
        results.context("tracing sampling probability %s (TRACING_SAMPLING_PROBABILITY)"
                .formatted(System.getenv().getOrDefault("TRACING_SAMPLING_PROBABILITY", "1.0")));
        results.context("%,d dossiers loaded first; each measured phase lasts %d s"
                .formatted(options.dossiers(), options.size().phase.toSeconds()));
    }

    private DossierGenerator generator() {
        return new DossierGenerator(new Random(seeds.incrementAndGet()));
    }

    @FunctionalInterface
    private interface Worker {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} workers on virtual threads and waits for all; the first failure fails the run. */
    private static void runAll(int count, Worker worker) throws Exception {
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

    private static double rate(long count, Instant since) {
        return count
                * 1000.0
                / Math.max(1, Duration.between(since, Instant.now()).toMillis());
    }

    private static String seconds(Duration duration) {
        return "%.1f".formatted(duration.toMillis() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
