package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures are a function of the set of accepted events, end to end through the gateway: random histories go to
 * two parallel unit trees, once in order and once shuffled across dossiers with duplicates, as single events and
 * batches; when the statistics have caught up, every report of every period (days, months, quarters, years), the
 * children and the series of the two trees are the same, and every event of both is applied. Likewise (issue 20,
 * acceptance 2) random histories pushed as DVCQG snapshots to a third tree, each dossier's successive states in order,
 * dossiers interleaved at random and some snapshots sent again, give every report of the equivalent events sent to a
 * fourth.
 */
class ArrivalOrderPlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant FROM = Instant.parse("2024-12-31T17:00:00Z");
    private static final int DOSSIERS = 80;
    private static final List<String> SERIES = List.of(
            "granularity=year&from=2025&to=2026",
            "granularity=quarter&from=2025-Q1&to=2026-Q1",
            "granularity=month&from=2025-01&to=2026-02",
            "granularity=day&from=2025-01-01&to=2026-01-31");
    private static EmbeddedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start(PlatformOptions.forTests("arrival-order-it"));
        for (String tree : List.of("AO-A", "AO-B")) {
            put("/api/v1/units/" + tree, "{\"name\":\"Bộ " + tree + "\",\"level\":\"MINISTRY\"}");
            for (String child : List.of(tree + ".1", tree + ".2")) {
                put(
                        "/api/v1/units/" + child,
                        "{\"name\":\"Cục " + child + "\",\"level\":\"DEPARTMENT\",\"parentCode\":\"" + tree + "\"}");
            }
        }
        put("/api/v1/procedures/9.AO1", procedure(3, "WORKING_DAYS", ",\"cutoff\":\"15:00\""));
        put("/api/v1/procedures/9.AO2", procedure(2, "CALENDAR_DAYS", ""));
        put("/api/v1/procedures/9.AO3", procedure(4, "WORKING_HOURS", ""));
        for (String tree : List.of("AO-E", "AO-S")) {
            put("/api/v1/units/" + tree, "{\"name\":\"Bộ " + tree + "\",\"level\":\"MINISTRY\"}");
            for (int child = 1; child <= 2; child++) {
                put(
                        "/api/v1/units/" + tree + "." + child,
                        "{\"name\":\"Cục " + tree + "." + child + "\",\"level\":\"DEPARTMENT\",\"parentCode\":\"" + tree
                                + "\",\"dvcqgCode\":\"" + dvcqgCode(tree, child) + "\"}");
            }
        }
        put("/api/v1/procedures/9.000001", procedure(3, "WORKING_DAYS", ",\"cutoff\":\"15:00\""));
        put("/api/v1/procedures/9.000002", procedure(2, "CALENDAR_DAYS", ""));
        put("/api/v1/procedures/9.000003", procedure(4, "WORKING_HOURS", ""));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shuffledDuplicatedDeliveryGivesEveryReportOfInOrderDelivery() {
        Random random = new Random(2026);
        List<String> shuffled = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            String child = "." + (1 + i % 2);
            long seed = random.nextLong();
            // the same history for each tree: the generator replayed from one seed
            for (String event : history(seed, "AOA-" + i, "AO-A" + child)) {
                HttpResponse<String> response = post("/api/v1/dossier-events", event);
                assertThat(response.statusCode())
                        .as(event + " -> " + response.body())
                        .isEqualTo(202);
            }
            shuffled.addAll(history(seed, "AOB-" + i, "AO-B" + child));
        }
        for (int d = 0; d < DOSSIERS / 4; d++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Collections.shuffle(shuffled, random);
        for (int at = 0; at < shuffled.size(); ) {
            int size = Math.min(shuffled.size() - at, random.nextBoolean() ? 1 : 1 + random.nextInt(20));
            List<String> chunk = shuffled.subList(at, at + size);
            if (size == 1) {
                assertThat(post("/api/v1/dossier-events", chunk.getFirst()).statusCode())
                        .isIn(200, 202);
            } else {
                HttpResponse<String> answer =
                        post("/api/v1/dossier-events/batch", "{\"events\":[" + String.join(",", chunk) + "]}");
                assertThat(JSON.readTree(answer.body()).get("rejected").asInt())
                        .as(answer.body())
                        .isZero();
            }
            at += size;
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String query : SERIES) {
                assertThat(points("AO-B", query)).as(query).isEqualTo(points("AO-A", query));
            }
        });
        for (String period : List.of("2025", "2025-Q3", "2025-06", "2025-06-30")) {
            assertThat(children("AO-B", period)).as(period).isEqualTo(children("AO-A", period));
        }
        for (int i = 0; i < DOSSIERS; i++) {
            for (String copy : List.of("AOA-" + i, "AOB-" + i)) {
                getJson("/api/v1/dossiers/" + copy)
                        .get("events")
                        .forEach(e -> assertThat(e.get("status").asString()).isEqualTo("APPLIED"));
            }
        }
        JsonNode year = getJson("/api/v1/stats/units/AO-A?period=2025");
        assertThat(year.get("received").get("totalToProcess").asLong()).isPositive();
    }

    @Test
    void snapshotsPushedAsDvcqgGiveEveryReportOfTheEquivalentEvents() {
        Random random = new Random(766);
        RandomDvcqgDossiers generator = new RandomDvcqgDossiers(
                random.nextLong(), FROM, 330L * 86_400, List.of("9.000001", "9.000002", "9.000003"));
        List<List<String>> snapshots = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            int child = 1 + i % 2;
            String code = dvcqgCode("AO-S", child) + "-250101-" + i;
            RandomDvcqgDossiers.Dossier dossier = generator.next("AOE-" + i, "AO-E." + child, code);
            for (String event : dossier.events()) {
                HttpResponse<String> response = post("/api/v1/dossier-events", event);
                assertThat(response.statusCode())
                        .as(event + " -> " + response.body())
                        .isEqualTo(202);
            }
            snapshots.add(dossier.snapshots());
            codes.add(code);
        }
        List<JsonNode> pushes = new ArrayList<>();
        interleave(snapshots, random).forEach(snapshot -> pushes.add(JSON.readTree(snapshot)));
        for (int i = 0; i < DOSSIERS / 4; i++) {
            // sent again, at once or later (a retry after a lost answer, a re-sync): never before the first time
            int original = random.nextInt(pushes.size());
            pushes.add(original + 1 + random.nextInt(pushes.size() - original), pushes.get(original));
        }
        for (int at = 0; at < pushes.size(); ) {
            List<JsonNode> chunk = distinctDossiers(pushes, at, 1 + random.nextInt(5));
            HttpResponse<String> answer;
            if (random.nextBoolean()) {
                // TD: a bare array, the unit from the dossier code's prefix
                answer = post("/api/v1/dvcqg/DongBoHoSoMC", JSON.writeValueAsString(chunk));
            } else {
                // OpenCPS: the envelope, one dossier, its unit in madonvi
                chunk = chunk.subList(0, 1);
                String code = chunk.getFirst().get("MaHoSo").asString();
                ObjectNode envelope = JSON.createObjectNode()
                        .put("madonvi", code.substring(0, code.indexOf('-')))
                        .put("service", "DongBoHoSoMC")
                        .put("isUpdating", random.nextBoolean() ? "True" : "False");
                envelope.putArray("data").addAll(chunk);
                answer = post("/api/v1/dvcqg", JSON.writeValueAsString(envelope));
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("error_code").asString())
                    .as(chunk + " -> " + answer.body())
                    .isEqualTo("0");
            at += chunk.size();
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String query : SERIES) {
                assertThat(points("AO-S", query)).as(query).isEqualTo(points("AO-E", query));
            }
        });
        for (String period : List.of("2025", "2025-Q3", "2025-06", "2025-06-30")) {
            assertThat(children("AO-S", period)).as(period).isEqualTo(children("AO-E", period));
        }
        for (int i = 0; i < DOSSIERS; i++) {
            List<JsonNode> views = new ArrayList<>();
            for (String dossier : List.of("AOE-" + i, codes.get(i))) {
                JsonNode view = getJson("/api/v1/dossiers/" + dossier);
                view.get("events").forEach(e -> assertThat(e.get("status").asString())
                        .as(dossier)
                        .isEqualTo("APPLIED"));
                ObjectNode state = JSON.createObjectNode();
                for (String field : List.of(
                        "status", "procedureCode", "channel", "receivedAt", "dueAt", "endedAt", "classification")) {
                    state.set(field, view.get(field));
                }
                views.add(state);
            }
            assertThat(views.getLast()).as(codes.get(i)).isEqualTo(views.getFirst());
        }
        assertThat(getJson("/api/v1/stats/units/AO-S?period=2025")
                        .get("received")
                        .get("totalToProcess")
                        .asLong())
                .isPositive();
    }

    /** The DVCQG code of a child unit of the snapshot tree ({@code 000.00.S1.H99}), the prefix of its dossier codes. */
    private static String dvcqgCode(String tree, int child) {
        return "000.00." + tree.substring(tree.length() - 1) + child + ".H99";
    }

    /** Each dossier's snapshots in its own order, the dossiers' merged at random. */
    private static List<String> interleave(List<List<String>> dossiers, Random random) {
        List<String> merged = new ArrayList<>();
        int[] next = new int[dossiers.size()];
        int left = dossiers.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int d = random.nextInt(dossiers.size());
            if (next[d] < dossiers.get(d).size()) {
                merged.add(dossiers.get(d).get(next[d]++));
                left--;
            }
        }
        return merged;
    }

    /** Up to {@code max} pushes from {@code at}, stopping before a dossier's second snapshot: one state per push. */
    private static List<JsonNode> distinctDossiers(List<JsonNode> pushes, int at, int max) {
        List<JsonNode> chunk = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = at; i < pushes.size() && chunk.size() < max; i++) {
            if (!codes.add(pushes.get(i).get("MaHoSo").asString())) {
                break;
            }
            chunk.add(pushes.get(i));
        }
        return chunk;
    }

    private static List<String> history(long seed, String dossierId, String unit) {
        return new RandomDossierHistories(seed, FROM, 330L * 86_400, List.of("9.AO1", "9.AO2", "9.AO3"))
                .next(dossierId, unit);
    }

    /** The series' reports without what names the tree or the moment. */
    private static List<JsonNode> points(String unit, String query) {
        List<JsonNode> points = new ArrayList<>();
        getJson("/api/v1/stats/units/" + unit + "/series?" + query)
                .get("points")
                .forEach(p -> points.add(anonymous(p)));
        return points;
    }

    private static List<JsonNode> children(String unit, String period) {
        List<JsonNode> children = new ArrayList<>();
        getJson("/api/v1/stats/units/" + unit + "/children?period=" + period)
                .get("children")
                .forEach(c -> children.add(anonymous(c)));
        return children;
    }

    private static JsonNode anonymous(JsonNode report) {
        ObjectNode copy = ((ObjectNode) report).deepCopy();
        copy.remove(List.of("unitCode", "unitName", "asOf"));
        return copy;
    }

    private static String procedure(int value, String unit, String extra) {
        return "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":" + value + ",\"unit\":\""
                + unit + "\"}" + extra + "}";
    }

    private static HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void put(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    }

    private static JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
