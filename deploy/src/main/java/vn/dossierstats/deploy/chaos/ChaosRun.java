package vn.dossierstats.deploy.chaos;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.deploy.EmbeddedPlatform;

/**
 * Faults one after another on a running platform, each while the sources send; after each, the sources drain (every
 * event gets its final answer) and the {@link Checker} compares everything sent so far with what the API shows, until
 * it agrees or {@link #SETTLE_WITHIN} has passed.
 */
final class ChaosRun {

    /** The bound stated for every figure to reach its final value once the sources have drained. */
    static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One fault's line of the table.
     *
     * @param stored events answered 2xx in this fault's window (the checks cover every event of the run so far)
     * @param refused events refused in this fault's window
     * @param firstStoredAfterHeal from the heal to the first event stored again (the sources' view of recovery)
     * @param settled from the drain to every figure right (the readers' view), or null if never within the bound
     */
    record Row(
            Fault fault,
            Checker.Result result,
            long stored,
            long refused,
            long retryLater,
            long noAnswer,
            long improper,
            Duration firstStoredAfterHeal,
            Duration settled,
            List<String> examples) {

        boolean clean() {
            return result.clean() && result.refused() == 0 && settled != null;
        }
    }

    private final EmbeddedPlatform platform;
    private final PrintStream out;
    private final SourceLog log = new SourceLog();
    private final Checker checker;
    private final ChaosSource source;
    private final Duration before;
    private final Duration after;

    ChaosRun(EmbeddedPlatform platform, int eventsPerSecond, Duration before, Duration after, PrintStream out)
            throws Exception {
        this.platform = platform;
        this.out = out;
        this.before = before;
        this.after = after;
        this.checker = new Checker(platform.gatewayUrl());
        List<String> keys = new ArrayList<>();
        keys.add(EmbeddedPlatform.SOURCE_KEY);
        setUpCatalogue();
        for (int i = 1; i <= 2; i++) {
            keys.add(newSource("Chaos source " + i));
        }
        this.source = new ChaosSource(
                platform.gatewayUrl(),
                keys,
                new ChaosHistories(
                        System.nanoTime(), "chaos-" + Long.toString(System.currentTimeMillis(), 36), keys.size()),
                log,
                eventsPerSecond);
    }

    List<Row> run(List<Fault> faults) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Fault fault : faults) {
            Row row = inject(fault);
            rows.add(row);
            out.println(ChaosTable.line(row));
            if (!row.clean() || row.improper() > 0) {
                out.println("   first problem: " + row.result().first());
                row.examples().forEach(example -> out.println("   seen: " + example));
            }
        }
        return rows;
    }

    private Row inject(Fault fault) throws Exception {
        out.printf("%n== %s: %s, sources sending ...%n", fault.name(), fault.description());
        log.newWindow();
        source.start();
        Thread.sleep(before);
        fault.inject().on(platform);
        Thread.sleep(fault.down());
        fault.heal().on(platform);
        long healed = System.nanoTime();
        log.healed(healed);
        Thread.sleep(after);
        long firstStored = log.window().firstStoredAfterHeal.get();
        out.println("   healed; sources draining ...");
        source.drain();
        long drained = System.nanoTime();
        Duration settled = null;
        Checker.Result result;
        do {
            result = checker.check(log, true);
            if (result.clean()) {
                result = checker.check(log, false);
                if (result.clean()) {
                    settled = Duration.ofNanos(System.nanoTime() - drained);
                    break;
                }
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() - drained < SETTLE_WITHIN.toNanos());
        if (settled == null) {
            result = checker.check(log, false);
        }
        SourceLog.Window window = log.window();
        return new Row(
                fault,
                result,
                window.stored.get(),
                window.refused.get(),
                window.retryLater.get(),
                window.noAnswer.get(),
                window.improper.get(),
                firstStored < 0 ? null : Duration.ofNanos(firstStored - healed),
                settled,
                List.copyOf(window.examples));
    }

    private void setUpCatalogue() throws Exception {
        put("/api/v1/units/" + ChaosCatalogue.ROOT, "{\"name\":\"Bộ Hỗn loạn\",\"level\":\"MINISTRY\"}");
        for (String department : ChaosCatalogue.DEPARTMENTS) {
            put(
                    "/api/v1/units/" + department,
                    "{\"name\":\"Cục " + department + "\",\"level\":\"DEPARTMENT\",\"parentCode\":\""
                            + ChaosCatalogue.ROOT + "\"}");
        }
        put(
                "/api/v1/procedures/" + ChaosCatalogue.PROCEDURE,
                "{\"name\":\"Thủ tục thử\",\"domain\":\"Thử nghiệm\",\"processingTime\":{\"value\":10,"
                        + "\"unit\":\"CALENDAR_DAYS\"},\"effectiveFrom\":\"2020-01-01T00:00:00Z\"}");
    }

    private String newSource(String name) throws Exception {
        HttpResponse<String> response =
                admin(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/sources"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"" + name + "\",\"scopes\":[\"" + ChaosCatalogue.ROOT + "\"]}")));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a source: " + response.statusCode() + " " + response.body());
        }
        String key = JSON.readTree(response.body()).path("key").asString();
        awaitAdmitted(key);
        return key;
    }

    /**
     * Waits until the gateway admits a new key (it learns keys from dossier-service's feed within a second): an empty
     * event is then refused as invalid (400), no longer as unauthenticated (401).
     */
    private void awaitAdmitted(String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/dossier-events"))
                                        .header("Content-Type", "application/json")
                                        .header("X-Api-Key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 400) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the gateway did not admit a new source key within 30 s");
    }

    private void put(String path, String json) throws Exception {
        HttpResponse<String> response = admin(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    request.header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
