package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of malformed requests (bodies, paths, query strings, headers) through the gateway with a valid source key,
 * against the four packaged services on a real broker and database: none is a failure (5xx), every refusal is
 * problem+json, no answer shows a stack trace, class name or internal address, and the statistics and leaderboards are
 * exactly what they were before.
 */
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final int PROBES = Integer.getInteger("hostile.probes", 3000);
    private static final long SEED = Long.getLong("hostile.seed", 20_261_123L);
    private static final String UNIT = "HOST";
    private static final String PROCEDURE = "9.000077";

    /** A stack frame, an exception type or a fully qualified class of the JDK, a library or this project. */
    private static final Pattern INTERNALS = Pattern.compile("\\tat |\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
            + "|\\b[A-Z]\\w*(Exception|Error)\\b"
            + "|\\b(java|javax|jakarta|sun|jdk|tools\\.jackson|com\\.fasterxml|org\\.(springframework|apache|postgresql"
            + "|flywaydb|hibernate)|io\\.(netty|micrometer|swagger)|reactor\\.(core|netty)|vn\\.dossierstats)\\.[a-z]"
            + "|localhost|127\\.0\\.0\\.1|jdbc:|postgres");

    private static EmbeddedPlatform platform;
    private static PlatformOptions options;
    private static String period;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("dossier-service", "metrics-service", "ranking-service", "gateway")) {
            Service.jar(home, module); // fails clearly when a jar was not built
        }
        options = PlatformOptions.forTests("hostile-it");
        platform = EmbeddedPlatform.start(options);
        assertThat(admin("/api/v1/units/" + UNIT, "{\"name\":\"Tỉnh Thù Địch\",\"level\":\"PROVINCE\"}"))
                .isEqualTo(201);
        for (String commune : List.of(UNIT + ".01", UNIT + ".02")) {
            assertThat(admin(
                            "/api/v1/units/" + commune,
                            "{\"name\":\"Xã " + commune + "\",\"level\":\"COMMUNE\",\"parentCode\":\"" + UNIT + "\"}"))
                    .isEqualTo(201);
        }
        assertThat(admin(
                        "/api/v1/procedures/" + PROCEDURE,
                        "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\","
                                + "\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"},\"cutoff\":\"15:00\"}"))
                .isEqualTo(201);
        // the public API document is among the reads probed: the services build theirs on the first ask, which on a
        // busy machine can outlast the gateway's wait for them (a 503 that says nothing about hostile input)
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/v1/openapi"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void thousandsOfMalformedRequestsFailNothingLeakNothingAndChangeNoFigure() throws Exception {
        Map<String, String> before = realFigures();

        List<HostileRequests.Probe> probes =
                new HostileRequests(SEED, UNIT + ".01", PROCEDURE, EmbeddedPlatform.SOURCE_KEY).generate(PROBES);
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(6)) {
            for (HostileRequests.Probe probe : probes) {
                senders.execute(() -> {
                    try {
                        Answer response = send(probe);
                        statuses.merge(response.status(), 1, Integer::sum);
                        check(probe, response)
                                .forEach(v -> violations.add(v + "\n    request: " + probe + "\n    response: "
                                        + response.status() + " " + abbreviate(response.body())));
                    } catch (Exception e) {
                        violations.add("no answer (" + e + ")\n    request: " + probe);
                    }
                });
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
        System.out.printf(
                "%d hostile requests in %d ms (seed %d), statuses %s%n",
                probes.size(), (System.nanoTime() - started) / 1_000_000, SEED, new TreeMap<>(statuses));

        violations.forEach(v -> System.out.println("MISHANDLED " + v));
        assertThat(violations)
                .as(
                        "%d of %d hostile requests were mishandled:%n%s",
                        violations.size(),
                        probes.size(),
                        String.join("\n", violations.stream().limit(40).toList()))
                .isEmpty();
        assertThat(quiescentFigures()).isEqualTo(before);
    }

    @Test
    void thePublicOpenApiDocumentDescribesTheThreeServicesAsSeenThroughTheGateway() throws IOException {
        String body = get("/api/v1/openapi");
        Files.writeString(Path.of("target", "openapi.json"), body); // for a look at what the gateway serves

        JsonNode doc = JSON.readTree(body);
        assertThat(doc.get("paths").propertyNames())
                .contains(
                        "/api/v1/dossier-events",
                        "/api/v1/dossier-events/batch",
                        "/api/v1/dossiers/{dossierId}",
                        "/api/v1/units/{code}",
                        "/api/v1/procedures/{code}",
                        "/api/v1/calendar/{year}",
                        "/api/v1/stats/units/{unitCode}",
                        "/api/v1/stats/units/{unitCode}/children",
                        "/api/v1/stats/units/{unitCode}/series",
                        "/api/v1/leaderboards",
                        "/api/v1/leaderboards/stream")
                .allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(body).doesNotContain("localhost", "X-Source-Id");
        for (int port : internalPorts()) {
            assertThat(body).doesNotContain(":" + port);
        }
    }

    /** Everything wrong with one answer (empty when it is right). */
    private static List<String> check(HostileRequests.Probe probe, Answer response) {
        List<String> wrong = new ArrayList<>();
        int status = response.status();
        String body = response.body();
        String contentType = response.contentType();
        if (status >= 500) {
            wrong.add("a failure (" + status + ")");
        }
        // Reactor Netty refuses a request line or headers over its limits (414, 431) before any application code
        // runs, with an empty body and no way to shape it: the one refusal that cannot be problem+json (reported)
        boolean codecRefusal = (status == 414 || status == 431) && body.isEmpty();
        if (status >= 400 && status < 500 && !codecRefusal) {
            if (!contentType.startsWith("application/problem+json")) {
                wrong.add("a refusal that is not problem+json (" + contentType + ")");
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem.path("status").asInt() != status
                            || problem.path("title").asString("").isBlank()
                            || problem.path("type").asString("").isBlank()) {
                        wrong.add("a problem without its type, status or title");
                    }
                } catch (RuntimeException e) {
                    wrong.add("a problem that is not JSON");
                }
            }
        }
        var leak = INTERNALS.matcher(body);
        if (leak.find()) {
            wrong.add("internals in the answer: '" + leak.group() + "'");
        }
        for (int port : internalPorts()) {
            if (body.contains(":" + port)) {
                wrong.add("an internal port in the answer: " + port);
            }
        }
        switch (probe.expect()) {
            case REFUSED_WRITE -> {
                boolean batchAnswer = status == 200 && probe.path().endsWith("/batch");
                if (batchAnswer) {
                    JsonNode answer = JSON.readTree(body);
                    if (answer.path("accepted").asInt(-1) != 0
                            || answer.path("duplicates").asInt(-1) != 0) {
                        wrong.add("garbage accepted in a batch");
                    }
                } else if (status < 400) {
                    wrong.add("garbage accepted (" + status + ")");
                }
            }
            case REFUSED_READ -> {
                if (status < 400) {
                    wrong.add("nonsense answered as if it made sense (" + status + ")");
                }
            }
            case ANY_READ -> {}
        }
        return wrong;
    }

    // ---------------------------------------------------------------- the real figures

    /** Sends real events and returns the figures they make, once the pipeline has settled. */
    private static Map<String, String> realFigures() {
        Today today = Today.spanning(Duration.ofHours(2), Duration.ZERO);
        period = today.month(); // the figures compared are of this month, the month of these events
        Instant inThreeDays = today.now().plusSeconds(3 * 86400);
        String batch = "{\"events\":["
                + String.join(
                        ",",
                        received("H-1", UNIT + ".01", today.ago(7200), inThreeDays),
                        ended("H-1", today.ago(3600)),
                        received("H-2", UNIT + ".01", today.ago(7200), today.ago(1800)),
                        ended("H-2", today.ago(600)),
                        received("H-3", UNIT + ".01", today.ago(3600), inThreeDays),
                        received("H-4", UNIT + ".02", today.ago(7200), inThreeDays),
                        ended("H-4", today.ago(60)))
                + "]}";
        Answer answer = send(new HostileRequests.Probe(
                "real events",
                "POST",
                "/api/v1/dossier-events/batch",
                Map.of("Content-Type", "application/json", "X-Api-Key", EmbeddedPlatform.SOURCE_KEY),
                batch.getBytes(StandardCharsets.UTF_8),
                HostileRequests.Expect.ANY_READ));
        assertThat(answer.body()).contains("\"accepted\":7");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = JSON.readTree(get("/api/v1/stats/units/" + UNIT + "?period=" + period));
            assertThat(report.at("/received/new").asLong()).isEqualTo(4);
            assertThat(report.at("/ended/total").asLong()).isEqualTo(3);
            assertThat(report.at("/ended/late").asLong()).isEqualTo(1);
            assertThat(get("/api/v1/leaderboards?level=PROVINCE&period=" + period))
                    .contains("\"" + UNIT + "\"");
        });
        return quiescentFigures();
    }

    /** The figures once two readings a second apart agree (the pipeline has nothing left in flight). */
    private static Map<String, String> quiescentFigures() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Map<String, String> now = figures();
                            return now.equals(last.getAndSet(now)) ? now : null;
                        },
                        figures -> figures != null);
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new TreeMap<>();
        for (String path : List.of(
                "/api/v1/stats/units/" + UNIT + "?period=" + period,
                "/api/v1/stats/units/" + UNIT + "/children?period=" + period,
                "/api/v1/stats/units/" + UNIT + ".01?period=" + period,
                "/api/v1/leaderboards?level=PROVINCE&period=" + period,
                "/api/v1/leaderboards?level=PROVINCE&period=" + period + "&indicator=ONLINE_SHARE",
                "/api/v1/leaderboards?level=COMMUNE&parent=" + UNIT + "&period=" + period,
                "/api/v1/dossiers/H-1",
                "/api/v1/dossiers/H-3")) {
            figures.put(path, withoutAsOf(JSON.readTree(get(path))).toString());
        }
        return figures;
    }

    /** The moment of reading is not a figure. */
    private static JsonNode withoutAsOf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("asOf");
            object.properties().forEach(child -> withoutAsOf(child.getValue()));
        } else if (node.isArray()) {
            node.forEach(HostileInputIT::withoutAsOf);
        }
        return node;
    }

    private static String received(String dossier, String unit, Instant at, Instant due) {
        return "{\"eventId\":\"" + dossier + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\",\"unitCode\":\"" + unit + "\",\"procedureCode\":\""
                + PROCEDURE + "\",\"channel\":\"ONLINE\",\"dueAt\":\"" + local(due) + "\"}";
    }

    private static String ended(String dossier, Instant at) {
        return "{\"eventId\":\"" + dossier + "-e\",\"type\":\"RESOLVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\"}";
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7)).toString();
    }

    // ---------------------------------------------------------------- HTTP

    private static int admin(String path, String json) {
        return send(new HostileRequests.Probe(
                        "catalogue",
                        "PUT",
                        path,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                "Bearer " + EmbeddedPlatform.ADMIN_TOKEN),
                        json.getBytes(StandardCharsets.UTF_8),
                        HostileRequests.Expect.ANY_READ))
                .status();
    }

    private static String get(String path) {
        Answer response =
                send(new HostileRequests.Probe("read", "GET", path, Map.of(), null, HostileRequests.Expect.ANY_READ));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** What came back: status, {@code Content-Type} (empty when none) and body. */
    private record Answer(int status, String contentType, String body) {}

    private static Answer send(HostileRequests.Probe probe) {
        URI uri;
        try {
            uri = URI.create(platform.gatewayUrl() + probe.path());
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(probe); // a broken escape such as %ZZ: a hostile client sends it all the same
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(
                        probe.method(),
                        probe.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request written by hand on its own connection, for a target no URI class accepts. */
    private static Answer sendRaw(HostileRequests.Probe probe) {
        URI gateway = URI.create(platform.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(probe.method() + " " + probe.path() + " HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(gateway.getAuthority())
                    .append("\r\nConnection: close\r\n");
            probe.headers()
                    .forEach((name, value) ->
                            head.append(name).append(": ").append(value).append("\r\n"));
            byte[] body = probe.body() == null ? new byte[0] : probe.body();
            if (probe.body() != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            String contentType = "";
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), contentType, answer.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> internalPorts() {
        return List.of(
                options.dossierPort(),
                options.metricsPort(),
                options.rankingPort(),
                options.kafkaPort(),
                options.kafkaControllerPort(),
                options.postgresPort());
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
