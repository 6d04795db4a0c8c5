package vn.dossierstats.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole platform on one machine with only a JDK: a real Kafka broker (KRaft), a real PostgreSQL and the four
 * services from their jars. {@code deploy/run} builds the jars and runs {@link #main}; tests use {@link #start}.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    public static final String SOURCE_KEY = "dev-source-key";
    public static final String ADMIN_TOKEN =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZXYtYWRtaW4iLCJyb2xlcyI6WyJhZG1pbiJdLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6NDEwMjQ0NDgwMH0.PCbnL_vA9VwqCfOJ8w28DTj8Qj6dBTK3aul5tfmpjy8";

    private final PlatformOptions options;
    /** Replaced when a test or the chaos run starts the broker or the database again after stopping it. */
    private volatile KafkaBroker kafka;

    private volatile Postgres postgres;
    private final List<Service> services;

    private EmbeddedPlatform(PlatformOptions options, KafkaBroker kafka, Postgres postgres, List<Service> services) {
        this.options = options;
        this.kafka = kafka;
        this.postgres = postgres;
        this.services = services;
    }

    public static EmbeddedPlatform start(PlatformOptions options) throws Exception {
        if (options.fresh()) {
            deleteRecursively(options.dataDir());
        }
        Files.createDirectories(options.dataDir());
        Postgres postgres = Postgres.start(options.dataDir(), options.postgresPort());
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(options.dataDir(), options.kafkaPort(), options.kafkaControllerPort());
        } catch (Exception e) {
            postgres.stop();
            throw e;
        }
        List<Service> services = services(options, kafka, postgres);
        EmbeddedPlatform platform = new EmbeddedPlatform(options, kafka, postgres, services);
        try {
            // dossier-service first: it declares the topics the others read
            services.getFirst().start();
            services.getFirst().awaitHealthy(Duration.ofMinutes(3));
            for (Service service : services.subList(1, services.size())) {
                service.start();
            }
            for (Service service : services.subList(1, services.size())) {
                service.awaitHealthy(Duration.ofMinutes(3));
            }
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private static List<Service> services(PlatformOptions o, KafkaBroker kafka, Postgres postgres) throws IOException {
        Path logs = Files.createDirectories(o.dataDir().resolve("logs"));
        List<String> jvm = o.quickStartJvm()
                ? List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k")
                : List.of("-Xmx768m");
        Map<String, String> common = commonEnvironment(kafka);
        Map<String, String> database =
                Map.of("SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres");
        List<Service> services = new ArrayList<>();
        // instance 0 of every service first (the first dossier-service declares the topics the others read), then the
        // further instances, the gateway last
        for (int i = 0; i < o.instances(); i++) {
            int port = PlatformOptions.instancePort(o.dossierPort(), i);
            Map<String, String> own = new HashMap<>(database);
            own.put("SERVER_PORT", String.valueOf(port));
            own.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl("dossier"));
            services.add(service("dossier-service", i, port, o, env(common, own), jvm, logs));
        }
        for (int i = 0; i < o.instances(); i++) {
            int port = PlatformOptions.instancePort(o.metricsPort(), i);
            // the same application id (the default) on every instance: they share the partitions; each its own state
            // directory; the address the others reach it at (web/Peers asks the owner of a unit's buckets)
            Map<String, String> own = new HashMap<>();
            own.put("SERVER_PORT", String.valueOf(port));
            own.put(
                    "METRICS_STATE_DIR",
                    o.dataDir()
                            .resolve(i == 0 ? "metrics-state" : "metrics-state-" + i)
                            .toString());
            own.put("METRICS_ADVERTISED_HOST", "localhost");
            services.add(service("metrics-service", i, port, o, env(common, own), jvm, logs));
        }
        for (int i = 0; i < o.instances(); i++) {
            int port = PlatformOptions.instancePort(o.rankingPort(), i);
            Map<String, String> own = new HashMap<>(database);
            own.put("SERVER_PORT", String.valueOf(port));
            own.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl("ranking"));
            services.add(service("ranking-service", i, port, o, env(common, own), jvm, logs));
        }
        services.sort(Comparator.comparingInt(Service::instance)); // stable: modules in order within an instance
        services.add(new Service(
                "gateway",
                o.gatewayPort(),
                o.home(),
                env(
                        common,
                        Map.of(
                                "SERVER_PORT", String.valueOf(o.gatewayPort()),
                                // every instance: a comma-separated list (gateway.services.*)
                                "DOSSIER_SERVICE_URI", uris(services, "dossier-service"),
                                "METRICS_SERVICE_URI", uris(services, "metrics-service"),
                                "RANKING_SERVICE_URI", uris(services, "ranking-service"))),
                jvm,
                logs.resolve("gateway.log")));
        return services;
    }

    private static Service service(
            String module,
            int instance,
            int port,
            PlatformOptions o,
            Map<String, String> env,
            List<String> jvm,
            Path logs) {
        String name = instance == 0 ? module : module + "-" + instance;
        return new Service(module, instance, port, o.home(), env, jvm, logs.resolve(name + ".log"));
    }

    private static String uris(List<Service> services, String module) {
        return services.stream()
                .filter(s -> s.module().equals(module))
                .map(s -> "http://localhost:" + s.port())
                .collect(Collectors.joining(","));
    }

    /** What every service of the platform is given: the embedded profile and the broker. */
    private static Map<String, String> commonEnvironment(KafkaBroker kafka) {
        return Map.of("SPRING_PROFILES_ACTIVE", "embedded", "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
    }

    private static Map<String, String> env(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new java.util.HashMap<>(common);
        all.putAll(own);
        return all;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.gatewayPort();
    }

    /**
     * The platform's processes by name (services, broker, database), for resource measurements: a service's first
     * instance under its module name, the others as {@code module-i}.
     */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new java.util.LinkedHashMap<>();
        services.forEach(s -> s.handle().ifPresent(h -> processes.put(s.name(), h)));
        processes.put("kafka", kafka.handle());
        postgres.handle().ifPresent(h -> processes.put("postgresql", h));
        return processes;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    /**
     * Starts a second metrics-service under a new Kafka Streams application id with an empty state directory: it
     * recomputes every statistic from the facts topic (a rebuild). Close it to stop it.
     */
    public AutoCloseable startRebuild(String applicationId, int port) throws IOException {
        Service rebuild = new Service(
                "metrics-service",
                port,
                options.home(),
                env(
                        commonEnvironment(kafka),
                        Map.of(
                                "SERVER_PORT", String.valueOf(port),
                                "METRICS_APPLICATIONID", applicationId,
                                "METRICS_STATE_DIR",
                                        options.dataDir().resolve(applicationId).toString())),
                List.of("-Xmx768m"),
                options.dataDir().resolve("logs").resolve(applicationId + ".log"));
        rebuild.start();
        return rebuild::stop;
    }

    /** Kills a service (its first instance) at once (a crash), for tests. */
    public void kill(String module) {
        kill(module, 0);
    }

    /** Kills one instance of a service at once (SIGKILL: a crash, an OOM kill), for tests. */
    public void kill(String module, int instance) {
        service(module, instance).kill();
    }

    /** Starts a service (its first instance) again and waits until it is healthy. */
    public void restart(String module) throws Exception {
        restart(module, 0);
    }

    /** Starts one instance of a service again and waits until it is healthy. */
    public void restart(String module, int instance) throws Exception {
        Service service = service(module, instance);
        service.start();
        service.awaitHealthy(Duration.ofMinutes(3));
    }

    /** Kills the Kafka broker at once (SIGKILL), as a crash would; {@link #startBroker} brings it back. */
    public void killBroker() {
        kafka.kill();
    }

    /** Stops the Kafka broker cleanly (SIGTERM: it moves its partitions' leadership away and closes its logs). */
    public void stopBroker() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on its data directory and port, and waits until it answers. */
    public void startBroker() throws Exception {
        kafka = KafkaBroker.start(options.dataDir(), options.kafkaPort(), options.kafkaControllerPort());
    }

    /**
     * Freezes the broker (SIGSTOP) or lets it go on (SIGCONT): to its clients like a network that stops carrying
     * packets, connections open and nothing answered, not like a refused connection.
     */
    public void freezeBroker(boolean frozen) throws IOException, InterruptedException {
        Signals.send(frozen ? "STOP" : "CONT", kafka.handle());
    }

    /**
     * Kills PostgreSQL at once (SIGKILL to the postmaster and every backend, as a crash of the machine would); {@link
     * #startPostgres} restarts it, recovering from its write-ahead log.
     */
    public void killPostgres() throws InterruptedException {
        ProcessHandle postmaster =
                postgres.handle().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try {
            // releases the data directory's lock, which the next start takes (the stop itself fails: nothing runs)
            postgres.stop();
        } catch (IOException e) {
            // nothing to stop
        }
    }

    /** Stops PostgreSQL cleanly (a fast shutdown: sessions are ended, nothing committed is lost). */
    public void stopPostgres() throws IOException {
        postgres.stop();
    }

    /** Starts PostgreSQL again on its data directory and port (recovering from its write-ahead log after a crash). */
    public void startPostgres() throws Exception {
        postgres = Postgres.start(options.dataDir(), options.postgresPort());
    }

    /** The base URLs of the instances of a service, in instance order (e.g. to ask one directly). */
    public List<String> instanceUrls(String module) {
        return services.stream()
                .filter(s -> s.module().equals(module))
                .map(s -> "http://localhost:" + s.port())
                .toList();
    }

    private Service service(String module, int instance) {
        return services.stream()
                .filter(s -> s.module().equals(module) && s.instance() == instance)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + instance + " of " + module));
    }

    String describe() {
        StringBuilder text = new StringBuilder("\nThe platform is up.\n\n");
        text.append(
                String.format("  %-18s %s/ (the country), %s/units/{code}%n", "dashboard", gatewayUrl(), gatewayUrl()));
        text.append(String.format("  %-18s %s/api/v1/%n", "gateway (public)", gatewayUrl()));
        for (Service service : services.subList(0, services.size() - 1)) {
            text.append(String.format(
                    "  %-18s http://localhost:%d  (actuator: /actuator/health, /actuator/prometheus)%n",
                    service.name(), service.port()));
        }
        text.append(String.format("  %-18s %s%n", "Kafka (KRaft)", kafka.bootstrap()));
        text.append(String.format(
                "  %-18s localhost:%d  databases %s, user postgres/postgres%n",
                "PostgreSQL", postgres.port(), String.join(", ", Postgres.DATABASES)));
        text.append(String.format("  %-18s %s%n", "logs", options.dataDir().resolve("logs")));
        text.append(String.format(
                "%n  source key   X-Api-Key: %s%n  admin token  Authorization: Bearer %s%n", SOURCE_KEY, ADMIN_TOKEN));
        text.append(String.format("%n  try: curl '%s/api/v1/leaderboards?level=PROVINCE'%n", gatewayUrl()));
        text.append("\nCtrl-C stops everything.\n");
        return text.toString();
    }

    @Override
    public void close() {
        for (Service service : services.reversed()) {
            service.stop();
        }
        kafka.stop();
        try {
            postgres.stop();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        // --dvcqg (issue 20): the simulator speaks DVCQG instead of the event API; it implies --simulate
        List<String> arguments = new java.util.ArrayList<>(List.of(args));
        boolean dvcqg = arguments.remove("--dvcqg");
        // --history-2025 (issue 24): a year of 2025 dossiers first, under the 63 provinces before the merger
        boolean history2025 = arguments.remove("--history-2025");
        PlatformOptions parsed = PlatformOptions.parse(arguments);
        PlatformOptions options = dvcqg && !parsed.simulate() ? parsed.simulating(parsed.rate()) : parsed;
        System.out.println("Starting Kafka, PostgreSQL and the four services"
                + (options.instances() > 1 ? " (" + options.instances() + " instances of each but the gateway)" : "")
                + " (data in " + options.dataDir() + ") ...");
        EmbeddedPlatform platform = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        TrafficSimulator simulator = options.simulate() && !dvcqg
                ? new TrafficSimulator(platform.gatewayUrl(), SOURCE_KEY, ADMIN_TOKEN, options.rate(), System.out)
                        .withHistory2025(history2025 ? 20_000 : 0)
                : null;
        DvcqgSimulator dvcqgSimulator = dvcqg
                ? new DvcqgSimulator(platform.gatewayUrl(), SOURCE_KEY, ADMIN_TOKEN, options.rate(), System.out)
                : null;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("\nStopping ...");
            if (simulator != null) {
                simulator.stop();
            }
            if (dvcqgSimulator != null) {
                dvcqgSimulator.stop();
            }
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.println(platform.describe());
        if (simulator != null) {
            simulator.start();
        }
        if (dvcqgSimulator != null) {
            dvcqgSimulator.start();
        }
        stopped.await();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
