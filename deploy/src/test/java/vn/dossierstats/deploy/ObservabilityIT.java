package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators watch, checked against the real thing: the four packaged services with simulated traffic, scraped
 * by a real Prometheus with deploy/prometheus/prometheus-embedded.yml and its rules. Every Grafana panel query must be
 * valid and return series, every alert rule must evaluate, a killed service must fire ServiceDown, and a trace
 * started at the gateway must reach the Kafka record. Skipped (with the reason) only when no Prometheus binary is
 * installed; .ci/run installs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration DATA_WAIT = Duration.ofSeconds(90);

    private static Path home;
    private static Path work;
    private static Path promtool;
    private static PlatformOptions options;
    private static EmbeddedPlatform platform;
    private static TrafficSimulator simulator;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> server = LocalPrometheus.binary("prometheus");
        Optional<Path> tool = LocalPrometheus.binary("promtool");
        Assumptions.assumeTrue(
                server.isPresent() && tool.isPresent(),
                "no prometheus/promtool binary on the PATH or in $PROMETHEUS_HOME: install the Debian package"
                        + " (apt-get update && apt-get install -y prometheus; .ci/run does) to run ObservabilityIT");
        promtool = tool.get();
        home = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("dossier-service", "metrics-service", "ranking-service", "gateway")) {
            Service.jar(home, module); // fails clearly when a jar was not built
        }
        work = Files.createTempDirectory("observability-it");
        options = PlatformOptions.onFreePorts(home, work.resolve("platform"), true)
                .simulating(30);
        platform = EmbeddedPlatform.start(options);
        simulator = new TrafficSimulator(
                platform.gatewayUrl(), EmbeddedPlatform.SOURCE_KEY, EmbeddedPlatform.ADMIN_TOKEN, 30, System.out);
        simulator.start();
        // a rejection, so that the rejected-events panel has a series to show
        assertThat(postEvent(
                                "{\"eventId\":\"obs-bad\",\"type\":\"RECEIVED\",\"dossierId\":\"OBS-0\","
                                        + "\"occurredAt\":\"yesterday\"}",
                                Map.of())
                        .statusCode())
                .isEqualTo(400);

        Path config = embeddedConfigFor(options, work.resolve("prometheus"));
        promtool("check", "config", config.toString());
        int port = freePort();
        prometheus = LocalPrometheus.start(
                server.get(),
                config,
                Files.createDirectories(work.resolve("prometheus-data")),
                port,
                work.resolve("prometheus.log"));
        prometheus.awaitReady(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theComposeAndEmbeddedConfigurationsAndTheirRulesPassPromtool() throws Exception {
        Path prometheusDir = home.resolve("deploy/prometheus");
        promtool("check", "config", prometheusDir.resolve("prometheus.yml").toString());
        promtool(
                "check",
                "config",
                prometheusDir.resolve("prometheus-embedded.yml").toString());
        List<String> rules = new ArrayList<>(List.of("check", "rules"));
        try (Stream<Path> files = Files.list(prometheusDir.resolve("rules"))) {
            files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(f -> rules.add(f.toString()));
        }
        assertThat(rules).hasSizeGreaterThan(2);
        promtool(rules.toArray(String[]::new));
    }

    @Test
    @Order(2)
    void everyServiceIsScrapedWithItsApplicationAndInstanceTags() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode up = prometheus.query("up == 1").get("data").get("result");
            List<String> jobs = new ArrayList<>();
            up.forEach(series -> jobs.add(series.get("metric").get("job").asString()));
            assertThat(jobs).contains("gateway", "dossier-service", "metrics-service", "ranking-service");
            JsonNode tagged = prometheus
                    .query("count by (application, instance) (jvm_info)")
                    .get("data")
                    .get("result");
            List<String> applications = new ArrayList<>();
            tagged.forEach(series -> {
                assertThat(series.get("metric").path("instance").asString()).isNotBlank();
                applications.add(series.get("metric").get("application").asString());
            });
            assertThat(applications).contains("gateway", "dossier-service", "metrics-service", "ranking-service");
        });
    }

    @Test
    @Order(3)
    void everyGrafanaPanelQueryIsValidAndReturnsSeries() throws Exception {
        Map<String, String> queries = panelQueries();
        assertThat(queries).hasSizeGreaterThan(20);
        for (Map.Entry<String, String> panel : queries.entrySet()) {
            JsonNode answer = prometheus.query(panel.getValue());
            assertThat(answer.get("status").asString())
                    .as("%s: %s -> %s", panel.getKey(), panel.getValue(), answer)
                    .isEqualTo("success");
        }
        Map<String, String> empty = new LinkedHashMap<>(queries);
        Awaitility.await().atMost(DATA_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            empty.entrySet().removeIf(panel -> !prometheus
                    .query(panel.getValue())
                    .get("data")
                    .get("result")
                    .isEmpty());
            assertThat(empty).as("panels without data").isEmpty();
        });
    }

    @Test
    @Order(4)
    void everyAlertRuleIsLoadedAndEvaluatesWithoutError() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> alerts = new ArrayList<>();
            for (JsonNode group : prometheus.json("/api/v1/rules").get("data").get("groups")) {
                for (JsonNode rule : group.get("rules")) {
                    String name = rule.has("name") ? rule.get("name").asString() : "?";
                    assertThat(rule.get("health").asString())
                            .as("%s: %s", name, rule.path("lastError").asString())
                            .isEqualTo("ok");
                    JsonNode answer = prometheus.query(rule.get("query").asString());
                    assertThat(answer.get("status").asString()).as(name).isEqualTo("success");
                    if (rule.get("type").asString().equals("alerting")) {
                        alerts.add(name);
                    }
                }
            }
            assertThat(alerts)
                    .contains(
                            "ServiceDown",
                            "HighServerErrorRate",
                            "OutboxBacklogGrowing",
                            "OutboxOldestRowTooOld",
                            "ConsumerLagHigh",
                            "FreshnessP99High",
                            "SourceStoppedSending",
                            "ProvinceOnTimeRateLow");
        });
    }

    @Test
    @Order(5)
    void aTraceStartedAtTheGatewayIsCarriedOnTheFactPublishedToKafka() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String dossierId = "OBS-TRACE-" + traceId.substring(0, 8);
        Instant now = Instant.now();
        HttpResponse<String> response = postEvent(
                "{\"eventId\":\"obs-trace-" + traceId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossierId
                        + "\",\"occurredAt\":\"" + OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.ofHours(7))
                        + "\",\"unitCode\":\"01\",\"procedureCode\":\"1.001193\",\"channel\":\"ONLINE\"}",
                Map.of("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + options.kafkaPort());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "observability-it-" + traceId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("dossier.facts.v1"));
            List<String> traceParents = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (dossierId.equals(record.key())) {
                        Header header = record.headers().lastHeader("traceparent");
                        traceParents.add(header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(traceParents).isNotEmpty();
            });
            assertThat(traceParents.getFirst()).startsWith("00-" + traceId + "-");
        }
    }

    @Test
    @Order(6)
    void killingAServiceFiresServiceDownForIt() {
        simulator.stop();
        platform.kill("ranking-service");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> firing = new ArrayList<>();
                    for (JsonNode alert :
                            prometheus.json("/api/v1/alerts").get("data").get("alerts")) {
                        if (alert.get("labels").get("alertname").asString().equals("ServiceDown")
                                && alert.get("state").asString().equals("firing")) {
                            firing.add(alert.get("labels").get("job").asString());
                        }
                    }
                    assertThat(firing).containsExactly("ranking-service");
                });
    }

    /** Every target expression of every panel of the dashboards, with Grafana's interval variable resolved. */
    private static Map<String, String> panelQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(home.resolve("deploy/grafana/dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.put(
                                file.getFileName() + " / " + panel.get("title").asString() + " / "
                                        + target.get("refId").asString(),
                                target.get("expr").asString().replace("$__rate_interval", "30s"));
                    }
                }
            }
        }
        return queries;
    }

    /**
     * deploy/prometheus/prometheus-embedded.yml with this run's ports, scraped and evaluated every second, and its
     * rules with every {@code for:} shortened to two seconds (the expressions are the real ones).
     */
    private static Path embeddedConfigFor(PlatformOptions o, Path dir) throws IOException {
        Path source = home.resolve("deploy/prometheus");
        Files.createDirectories(dir.resolve("rules"));
        String config = Files.readString(source.resolve("prometheus-embedded.yml"))
                .replace("localhost:8080", "localhost:" + o.gatewayPort())
                .replace("localhost:8081", "localhost:" + o.dossierPort())
                .replace("localhost:8082", "localhost:" + o.metricsPort())
                .replace("localhost:8083", "localhost:" + o.rankingPort())
                .replace("scrape_interval: 5s", "scrape_interval: 1s")
                .replace("evaluation_interval: 5s", "evaluation_interval: 1s");
        assertThat(config).contains("localhost:" + o.rankingPort()).contains("scrape_interval: 1s");
        Files.writeString(dir.resolve("prometheus.yml"), config);
        try (Stream<Path> rules = Files.list(source.resolve("rules"))) {
            for (Path rule : rules.toList()) {
                Files.writeString(
                        dir.resolve("rules").resolve(rule.getFileName()),
                        Files.readString(rule).replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 2s"));
            }
        }
        return dir.resolve("prometheus.yml");
    }

    private static void promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(work, "promtool", ".log");
        ChildProcess.run("promtool " + String.join(" ", arguments), command, log, Duration.ofSeconds(60));
    }

    /**
     * Issue 22, acceptance 3: the simulator's catalogue (online levels, fees, procedures assigned to units) and traffic
     * give a province a scorecard with every sub-indicator the events and the catalogue can feed, the procedure-based
     * ones included, through the gateway.
     */
    @Test
    @Order(5) // before a service is killed
    void theSimulatorsTrafficGivesAProvinceEveryDerivableSubIndicatorOfTheIndex() {
        Awaitility.await().atMost(DATA_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/stats/units/"
                                    + TrafficSimulator.PROVINCES.getFirst() + "/index"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode index = JSON.readTree(response.body());
            assertThat(index.get("procedureScope").asString()).isEqualTo("ASSIGNED");
            for (String group : List.of("progress", "onlineServices", "onlinePayment")) {
                assertThat(index.get("groups").get(group).get("reachableMax").asInt())
                        .as(group)
                        .isEqualTo(index.get("groups").get(group).get("max").asInt());
            }
            for (JsonNode indicator : index.get("groups").get("onlineServices").get("indicators")) {
                assertThat(indicator.get("denominator").asLong())
                        .as(indicator.toString())
                        .isPositive();
                assertThat(indicator.get("numerator").asLong())
                        .as(indicator.toString())
                        .isPositive();
            }
        });
    }

    private static HttpResponse<String> postEvent(String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/dossier-events"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
