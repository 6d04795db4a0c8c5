package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 24 end to end, through the gateway, hand-worked: provinces RG1 and RG2 are merged into RG1 from 2025-07-01
 * while the platform runs, after their dossiers arrived (some received in June and open across the date, some
 * received in July under RG2). Within seconds every figure is on its map: the 2025 year, Q2, Q3, June and July
 * reports, children, series and leaderboards, with boundaries=period and boundaries=current. The seeded 2025 merger of
 * the 63 provinces is there too.
 */
class ReorganisationPlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start(PlatformOptions.forTests("reorganisation-it"));
        put("/api/v1/units/RG1", "{\"name\":\"Tỉnh Một\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RG2", "{\"name\":\"Tỉnh Hai\",\"level\":\"PROVINCE\"}");
        put("/api/v1/units/RG1.1", "{\"name\":\"Xã Một\",\"level\":\"COMMUNE\",\"parentCode\":\"RG1\"}");
        put("/api/v1/units/RG2.1", "{\"name\":\"Xã Hai\",\"level\":\"COMMUNE\",\"parentCode\":\"RG2\"}");
        put(
                "/api/v1/procedures/9.000924",
                "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aMergerRecordedOnARunningSystemPutsEveryFigureOnTheMapOfEachPeriodOrOfToday() {
        dossier("A1", "RG2.1", "2025-06-10T08:00", "2025-06-13T17:00", "2025-06-12T09:00"); // early
        dossier("A2", "RG2.1", "2025-06-20T08:00", "2025-07-04T17:00", "2025-07-10T09:00"); // open across, late
        dossier("A3", "RG1.1", "2025-06-15T08:00", "2025-06-15T17:00", "2025-06-15T10:00"); // on time
        dossier("A4", "RG2.1", "2025-07-05T08:00", "2025-07-09T17:00", "2025-07-06T09:00"); // early, after the date
        dossier("A5", "RG2", "2025-07-08T08:00", "2025-07-20T17:00", null); // open, names RG2 after the date
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        figures("/api/v1/stats/units/RG2?period=2025-07"))
                .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1"));

        HttpResponse<String> recorded = send(HttpRequest.newBuilder(uri("/api/v1/reorganisations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"effective\":\"2025-07-01\",\"merges\":[{\"into\":\"RG1\",\"from\":[\"RG1\",\"RG2\"]}]}")));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        // within seconds, without a restart
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(figures("/api/v1/stats/units/RG1?period=2025-07"))
                    .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
            assertThat(board("period=2025-07")).contains("RG1:2").doesNotContain("RG2:");
        });
        // boundaries=period (the default): each period on the map of its last day
        assertThat(figures("/api/v1/stats/units/RG1?period=2025-06"))
                .isEqualTo("carriedOver=0 new=1 early=0 onTime=1 late=0 inProgress=0");
        assertThat(figures("/api/v1/stats/units/RG2?period=2025-06&boundaries=period"))
                .isEqualTo("carriedOver=0 new=2 early=1 onTime=0 late=0 inProgress=1");
        assertThat(figures("/api/v1/stats/units/RG1?period=2025-Q2"))
                .isEqualTo("carriedOver=0 new=1 early=0 onTime=1 late=0 inProgress=0");
        assertThat(figures("/api/v1/stats/units/RG1?period=2025-Q3"))
                .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
        assertThat(figures("/api/v1/stats/units/RG1?period=2025"))
                .isEqualTo("carriedOver=0 new=5 early=2 onTime=1 late=1 inProgress=1");
        for (String period : List.of("2025-07", "2025-Q3", "2025")) {
            HttpResponse<String> ended = get("/api/v1/stats/units/RG2?period=" + period);
            assertThat(ended.statusCode()).as(period).isEqualTo(404);
            assertThat(ended.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(ended.body()).get("successor").asString()).isEqualTo("RG1");
        }
        assertThat(codes("/api/v1/stats/units/RG1/children?period=2025-07")).containsExactly("RG1.1", "RG2.1");
        assertThat(codes("/api/v1/stats/units/RG1/children?period=2025-06")).containsExactly("RG1.1");
        assertThat(codes("/api/v1/stats/units/RG2/children?period=2025-06")).containsExactly("RG2.1");
        assertThat(series("/api/v1/stats/units/RG1/series?granularity=month&from=2025-06&to=2025-07"))
                .containsExactly(
                        "carriedOver=0 new=1 early=0 onTime=1 late=0 inProgress=0",
                        "carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
        // leaderboards follow the published counts of earlier periods within their publish interval
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(board("period=2025-06"))
                .contains("RG1:1", "RG2:1"));

        // boundaries=current: every period on today's map, RG1 with all of RG2
        assertThat(figures("/api/v1/stats/units/RG1?period=2025-06&boundaries=current"))
                .isEqualTo("carriedOver=0 new=3 early=1 onTime=1 late=0 inProgress=1");
        assertThat(figures("/api/v1/stats/units/RG1?period=2025-Q2&boundaries=current"))
                .isEqualTo("carriedOver=0 new=3 early=1 onTime=1 late=0 inProgress=1");
        assertThat(get("/api/v1/stats/units/RG2?period=2025-06&boundaries=current")
                        .statusCode())
                .isEqualTo(404);
        assertThat(codes("/api/v1/stats/units/RG1/children?period=2025-06&boundaries=current"))
                .containsExactly("RG1.1", "RG2.1");
        assertThat(series(
                        "/api/v1/stats/units/RG1/series?granularity=month&from=2025-06&to=2025-07&boundaries=current"))
                .containsExactly(
                        "carriedOver=0 new=3 early=1 onTime=1 late=0 inProgress=1",
                        "carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        board("period=2025-06&boundaries=current"))
                .contains("RG1:2")
                .doesNotContain("RG2:"));
        // the dossiers behind a figure are those the figure counts, on the same map
        assertThat(behind("RG1", "period=2025-07&figure=carriedOver")).containsExactly("A2");
        assertThat(behind("RG1", "period=2025-07&figure=receivedNew")).containsExactlyInAnyOrder("A4", "A5");
        assertThat(behind("RG1", "period=2025-06&figure=receivedNew")).containsExactly("A3");
        assertThat(behind("RG1", "period=2025-06&figure=receivedNew&boundaries=current"))
                .containsExactlyInAnyOrder("A1", "A2", "A3");
        assertThat(get("/api/v1/stats/units/RG2/dossiers?period=2025-07&figure=receivedNew")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/stats/units/RG1?period=2025-06&boundaries=today")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/leaderboards?level=PROVINCE&period=2025-06&boundaries=current"
                                + "&asOf=2026-01-01T00:00:00%2B07:00")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theMergerOfTheSixtyThreeProvincesIsSeeded() {
        JsonNode thaiBinh = JSON.readTree(get("/api/v1/units/34").body());
        assertThat(thaiBinh.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(thaiBinh.get("successor").asString()).isEqualTo("33");
        assertThat(get("/api/v1/reorganisations").body()).contains("\"effective\":\"2025-07-01\"");
        HttpResponse<String> ended = get("/api/v1/stats/units/34?period=2025-07");
        assertThat(ended.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(ended.body()).get("successor").asString()).isEqualTo("33");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(listed("level=PROVINCE&period=2025-06")).hasSize(63 + 2);
            assertThat(listed("level=PROVINCE&period=2025-07")).hasSize(34 + 1).doesNotContain("34");
        });
    }

    private static void dossier(String id, String unit, String received, String due, String resolved) {
        String receipt = "{\"eventId\":\"" + id + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + id
                + "\",\"occurredAt\":\"" + received + ":00+07:00\",\"unitCode\":\"" + unit
                + "\",\"procedureCode\":\"9.000924\",\"channel\":\"DIRECT\",\"dueAt\":\"" + due + ":00+07:00\"}";
        assertThat(post(receipt).statusCode()).isEqualTo(202);
        if (resolved != null) {
            assertThat(post("{\"eventId\":\"" + id + "-e\",\"type\":\"RESOLVED\",\"dossierId\":\"" + id
                                    + "\",\"occurredAt\":\"" + resolved + ":00+07:00\"}")
                            .statusCode())
                    .isEqualTo(202);
        }
    }

    private static String figures(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return figures(JSON.readTree(response.body()));
    }

    private static String figures(JsonNode report) {
        return "carriedOver=%d new=%d early=%d onTime=%d late=%d inProgress=%d"
                .formatted(
                        report.get("received").get("carriedOver").asLong(),
                        report.get("received").get("new").asLong(),
                        report.get("ended").get("early").asLong(),
                        report.get("ended").get("onTime").asLong(),
                        report.get("ended").get("late").asLong(),
                        report.get("inProgress").get("total").asLong());
    }

    private static List<String> series(String path) {
        List<String> points = new ArrayList<>();
        JSON.readTree(get(path).body()).get("points").forEach(p -> points.add(figures(p)));
        return points;
    }

    private static List<String> behind(String unit, String query) {
        HttpResponse<String> response = get("/api/v1/stats/units/" + unit + "/dossiers?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JsonNode page = JSON.readTree(response.body());
        page.get("dossiers").forEach(d -> ids.add(d.get("dossierId").asString()));
        assertThat(page.get("count").asLong()).isEqualTo(ids.size());
        return ids;
    }

    private static List<String> codes(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        JSON.readTree(response.body())
                .get("children")
                .forEach(c -> codes.add(c.get("unitCode").asString()));
        return codes;
    }

    /** The province leaderboard's test units as {@code code:volume}, ranked or not. */
    private static List<String> board(String query) {
        List<String> units = new ArrayList<>();
        HttpResponse<String> response = get("/api/v1/leaderboards?level=PROVINCE&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode board = JSON.readTree(response.body());
        for (String list : List.of("entries", "unranked")) {
            board.get(list).forEach(e -> {
                if (e.get("unitCode").asString().startsWith("RG")) {
                    units.add(
                            e.get("unitCode").asString() + ":" + e.get("volume").asLong());
                }
            });
        }
        return units;
    }

    private static List<String> listed(String query) {
        List<String> units = new ArrayList<>();
        JsonNode board = JSON.readTree(get("/api/v1/leaderboards?" + query).body());
        for (String list : List.of("entries", "unranked")) {
            board.get(list).forEach(e -> units.add(e.get("unitCode").asString()));
        }
        return units;
    }

    private static HttpResponse<String> post(String event) {
        return send(HttpRequest.newBuilder(uri("/api/v1/dossier-events"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event)));
    }

    private static void put(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
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
