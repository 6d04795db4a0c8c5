package vn.dossierstats.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    private final KafkaBroker kafka;
    private final Postgres postgres;
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
        List<Service> services = new ArrayList<>();
        services.add(new Service(
                "dossier-service",
                o.dossierPort(),
                o.home(),
                env(
                        common,
                        Map.of(
                                "SERVER_PORT",
                                String.valueOf(o.dossierPort()),
                                "SPRING_DATASOURCE_URL",
                                postgres.jdbcUrl("dossier"),
                                "SPRING_DATASOURCE_USERNAME",
                                "postgres",
                                "SPRING_DATASOURCE_PASSWORD",
                                "postgres")),
                jvm,
                logs.resolve("dossier-service.log")));
        services.add(new Service(
                "metrics-service",
                o.metricsPort(),
                o.home(),
                env(
                        common,
                        Map.of(
                                "SERVER_PORT", String.valueOf(o.metricsPort()),
                                "METRICS_STATE_DIR",
                                        o.dataDir().resolve("metrics-state").toString())),
                jvm,
                logs.resolve("metrics-service.log")));
        services.add(new Service(
                "ranking-service",
                o.rankingPort(),
                o.home(),
                env(
                        common,
                        Map.of(
                                "SERVER_PORT",
                                String.valueOf(o.rankingPort()),
                                "SPRING_DATASOURCE_URL",
                                postgres.jdbcUrl("ranking"),
                                "SPRING_DATASOURCE_USERNAME",
                                "postgres",
                                "SPRING_DATASOURCE_PASSWORD",
                                "postgres")),
                jvm,
                logs.resolve("ranking-service.log")));
        services.add(new Service(
                "gateway",
                o.gatewayPort(),
                o.home(),
                env(
                        common,
                        Map.of(
                                "SERVER_PORT", String.valueOf(o.gatewayPort()),
                                "DOSSIER_SERVICE_URI", "http://localhost:" + o.dossierPort(),
                                "METRICS_SERVICE_URI", "http://localhost:" + o.metricsPort(),
                                "RANKING_SERVICE_URI", "http://localhost:" + o.rankingPort())),
                jvm,
                logs.resolve("gateway.log")));
        return services;
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

    /** The platform's processes by name (services, broker, database), for resource measurements. */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new java.util.LinkedHashMap<>();
        services.forEach(s -> s.handle().ifPresent(h -> processes.put(s.module(), h)));
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

    /** Kills a service at once (a crash), for tests. */
    public void kill(String module) {
        service(module).kill();
    }

    /** Starts a service again and waits until it is healthy. */
    public void restart(String module) throws Exception {
        Service service = service(module);
        service.start();
        service.awaitHealthy(Duration.ofMinutes(3));
    }

    private Service service(String module) {
        return services.stream()
                .filter(s -> s.module().equals(module))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    String describe() {
        StringBuilder text = new StringBuilder("\nThe platform is up.\n\n");
        text.append(String.format("  %-18s %s/api/v1/%n", "gateway (public)", gatewayUrl()));
        for (Service service : services.subList(0, 3)) {
            text.append(String.format(
                    "  %-18s http://localhost:%d  (actuator: /actuator/health, /actuator/prometheus)%n",
                    service.module(), service.port()));
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
        PlatformOptions options = PlatformOptions.parse(List.of(args));
        System.out.println("Starting Kafka, PostgreSQL and the four services (data in " + options.dataDir() + ") ...");
        EmbeddedPlatform platform = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        TrafficSimulator simulator = options.simulate()
                ? new TrafficSimulator(platform.gatewayUrl(), SOURCE_KEY, ADMIN_TOKEN, options.rate(), System.out)
                : null;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("\nStopping ...");
            if (simulator != null) {
                simulator.stop();
            }
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.println(platform.describe());
        if (simulator != null) {
            simulator.start();
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
