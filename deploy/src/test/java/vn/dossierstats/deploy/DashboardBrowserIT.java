package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public dashboard (issue 21) in a real browser: the system's headless Chromium (Debian {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs; skipped when they are missing) against the four services
 * from their packaged jars. The figures on the pages must be the API's, a change must reach the open page over the
 * SSE stream, the language switch must hold across links.
 *
 * <p>{@code -Ddashboard.screenshots=<dir>} also writes {@code dashboard-country.png} and {@code dashboard-unit.png}
 * there (README: how the screenshots in {@code docs/} are made).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Two provinces, each above the leaderboard's minimum volume (20) so that both are ranked. */
    private static final String HANOI = "01";

    private static final String HCMC = "79";

    private static EmbeddedPlatform platform;
    private static WebDriver browser;
    private static Today today;
    private static Path userDataDir;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs the Debian packages chromium and chromium-driver (.ci/run installs them)");
        Path home = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("dossier-service", "metrics-service", "ranking-service", "gateway")) {
            Service.jar(home, module);
        }
        platform = EmbeddedPlatform.start(PlatformOptions.forTests("dashboard-it"));
        for (String province : List.of(HANOI, HCMC)) {
            assertThat(put(
                                    "/api/v1/units/" + province + ".T1",
                                    "{\"name\":\"Phường Kiểm Thử, " + province
                                            + "\",\"level\":\"COMMUNE\",\"parentCode\":\"" + province + "\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(put(
                                "/api/v1/procedures/9.000001",
                                "{\"name\":\"Thủ tục kiểm thử\",\"domain\":\"Đất đai\","
                                        + "\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}")
                        .statusCode())
                .isEqualTo(201);
        today = Today.spanning(Duration.ofHours(3), Duration.ZERO);
        List<String> events = new ArrayList<>();
        // Hà Nội: 20 early, 2 late, 1 overdue now; Hồ Chí Minh: 21 early
        for (int i = 0; i < 20; i++) {
            events.addAll(early("HN-" + i, HANOI + ".T1"));
            events.addAll(early("HCM-" + i, HCMC + ".T1"));
        }
        events.addAll(early("HCM-20", HCMC + ".T1"));
        events.addAll(late("HN-L1", HANOI + ".T1"));
        events.addAll(late("HN-L2", HANOI + ".T1"));
        events.add(received("HN-O1", HANOI + ".T1", today.ago(Duration.ofHours(2)), today.ago(Duration.ofHours(1))));
        // open, due in two hours: on the early warning
        events.add(received(
                "HN-S1",
                HANOI + ".T1",
                today.ago(Duration.ofHours(2)),
                today.now().plus(Duration.ofHours(2))));
        HttpResponse<String> batch =
                post("/api/v1/dossier-events/batch", "{\"events\":[" + String.join(",", events) + "]}");
        assertThat(batch.body()).contains("\"rejected\":0");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                        getJson("/api/v1/leaderboards?level=PROVINCE&period=" + today.month())
                                .get("entries")
                                .size())
                .isEqualTo(2));

        userDataDir = Files.createTempDirectory("dashboard-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + userDataDir,
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theCountryPageShowsTheProvincesAndTheLeaderboardWithTheApisFigures() throws IOException {
        browser.get(platform.gatewayUrl() + "/");
        WebElement provinces = waitFor(By.cssSelector("#provinces[data-loaded=true]"));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(provinces.findElements(By.cssSelector("tbody tr"))).hasSize(34);
        for (String province : List.of(HANOI, HCMC)) {
            JsonNode report = getJson("/api/v1/stats/units/" + province + "?period=" + today.month());
            WebElement row = provinces.findElement(By.cssSelector("tr[data-row='" + province + "']"));
            assertSameNumber(cell(row, "onTimeRate"), report.get("onTimeRate"));
            assertSameNumber(cell(row, "progressScore"), report.get("progressScore"));
            assertSameNumber(
                    cell(row, "inProgress.overdue"), report.get("inProgress").get("overdue"));
            assertSameNumber(cell(row, "received.new"), report.get("received").get("new"));
        }
        WebElement hanoi = provinces.findElement(By.cssSelector("tr[data-row='" + HANOI + "']"));
        // 20 of 22 ended on time: the API's 0.9091, written the Vietnamese way
        assertThat(text(hanoi.findElement(By.cssSelector("[data-field=onTimeRate]"))))
                .isEqualTo("90,91 %");
        assertThat(cell(hanoi, "inProgress.overdue")).isEqualTo("1");

        // the national totals: the API's, and the API's are the provinces' added up
        WebElement totals = waitFor(By.cssSelector("#totals[data-loaded=true]"));
        JsonNode country = getJson("/api/v1/stats/country?period=" + today.month());
        for (String field : List.of("received.new", "ended.late", "inProgress.overdue", "onTimeRate")) {
            JsonNode value = country;
            for (String name : field.split("\\.")) {
                value = value.get(name);
            }
            assertSameNumber(
                    totals.findElement(By.cssSelector("[data-field='" + field + "']"))
                            .getAttribute("data-value"),
                    value);
        }
        long received = 0;
        for (WebElement row : provinces.findElements(By.cssSelector("tbody tr"))) {
            received += Long.parseLong(cell(row, "received.new"));
        }
        assertThat(country.get("received").get("new").asLong()).isEqualTo(received);

        JsonNode board = getJson("/api/v1/leaderboards?level=PROVINCE&period=" + today.month());
        WebElement leaderboard = waitFor(By.cssSelector("#leaderboard tbody tr"));
        assertThat(leaderboard).isNotNull();
        List<WebElement> rows = browser.findElements(By.cssSelector("#leaderboard tbody tr"));
        assertThat(rows).hasSize(board.get("entries").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode entry = board.get("entries").get(i);
            assertThat(rows.get(i).getAttribute("data-row"))
                    .isEqualTo(entry.get("unitCode").asString());
            assertSameNumber(cell(rows.get(i), "rank"), entry.get("rank"));
            assertSameNumber(cell(rows.get(i), "value"), entry.get("value"));
            assertSameNumber(cell(rows.get(i), "volume"), entry.get("volume"));
        }
        screenshot("dashboard-country.png");
    }

    @Test
    @Order(2)
    void aChangeReachesTheOpenPageOverTheStream() {
        // one late dossier more for Hồ Chí Minh: 21 of 22 on time
        assertThat(post(
                                "/api/v1/dossier-events/batch",
                                "{\"events\":[" + String.join(",", late("HCM-L1", HCMC + ".T1")) + "]}")
                        .body())
                .contains("\"rejected\":0");

        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement row = browser.findElement(By.cssSelector("#leaderboard tr[data-row='" + HCMC + "']"));
            assertThat(cell(row, "value")).isEqualTo("0.9545");
            assertThat(cell(row, "volume")).isEqualTo("22");
        });
        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement row = browser.findElement(By.cssSelector("#provinces tr[data-row='" + HCMC + "']"));
            assertThat(cell(row, "onTimeRate")).isEqualTo("0.9545");
        });
    }

    @Test
    @Order(3)
    void theLanguageSwitchGivesEnglishAndLinksKeepIt() {
        browser.findElement(By.id("language")).click();
        Awaitility.await().atMost(WAIT).until(() -> "en"
                .equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        waitFor(By.cssSelector("#provinces[data-loaded=true]"));

        assertThat(browser.getCurrentUrl()).contains("lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Public-service dossier statistics");
        WebElement hanoi = browser.findElement(By.cssSelector("#provinces tr[data-row='" + HANOI + "']"));
        assertThat(text(hanoi.findElement(By.cssSelector("[data-field=onTimeRate]"))))
                .isEqualTo("90.91%");
        hanoi.findElement(By.cssSelector("[data-field=unitName] a")).click();
        Awaitility.await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/units/" + HANOI));
        assertThat(browser.getCurrentUrl()).contains("lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    @Order(4)
    void theUnitPageShowsEveryFieldOfItsReportItsChildrenAndItsSeries() throws IOException {
        browser.get(platform.gatewayUrl() + "/units/" + HANOI + "?period=" + today.month());
        WebElement report = waitFor(By.cssSelector("#report[data-loaded=true]"));
        waitFor(By.cssSelector("#children[data-loaded=true]"));
        JsonNode api = getJson("/api/v1/stats/units/" + HANOI + "?period=" + today.month());

        assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("Thành phố Hà Nội");
        for (String field : List.of(
                "received.carriedOver",
                "received.new",
                "received.online",
                "received.direct",
                "received.postal",
                "received.totalToProcess",
                "ended.early",
                "ended.onTime",
                "ended.late",
                "ended.total",
                "inProgress.withinDeadline",
                "inProgress.overdue",
                "inProgress.total",
                "onTimeRate",
                "progressScore",
                "onlineShare",
                "digitizedShare",
                "paidOnlineShare")) {
            JsonNode value = api;
            for (String name : field.split("\\.")) {
                value = value.get(name);
            }
            JsonNode expected = value;
            assertThat(report.findElement(By.cssSelector("[data-field='" + field + "']"))
                            .getAttribute("data-value"))
                    .as(field)
                    .satisfies(shown -> assertSameNumber(shown, expected));
        }
        List<WebElement> children = browser.findElements(By.cssSelector("#children tbody tr"));
        assertThat(children).hasSize(1);
        assertThat(cell(children.getFirst(), "ended.late")).isEqualTo("2");
        Awaitility.await()
                .atMost(WAIT)
                .until(() ->
                        browser.findElements(By.cssSelector("#series tbody tr")).size() == 12);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !browser.findElement(By.id("place")).getText().isBlank());
        assertThat(browser.findElement(By.cssSelector("#place [data-field=rank]"))
                        .getAttribute("data-value"))
                .isEqualTo("2");
        screenshot("dashboard-unit.png");
    }

    @Test
    @Order(5)
    void everyCountLinksToItsDossiersAndTheListHasAsManyRowsAsTheCount() throws IOException {
        JsonNode api = getJson("/api/v1/stats/units/" + HANOI + "?period=" + today.month());
        for (String field : List.of("ended.late", "inProgress.overdue", "received.new")) {
            browser.get(platform.gatewayUrl() + "/units/" + HANOI + "?period=" + today.month());
            WebElement count = waitFor(By.cssSelector("#report[data-loaded=true] [data-field='" + field + "']"));
            String shown = count.getAttribute("data-value");
            count.findElement(By.tagName("a")).click();
            waitFor(By.cssSelector("#dossiers[data-loaded=true]"));

            assertThat(browser.findElements(By.cssSelector("#dossiers tbody tr")))
                    .as(field)
                    .hasSize(Integer.parseInt(shown));
            assertThat(browser.findElement(By.id("count")).getAttribute("data-value"))
                    .isEqualTo(shown);
            JsonNode expected = api;
            for (String name : field.split("\\.")) {
                expected = expected.get(name);
            }
            assertSameNumber(shown, expected);
            if (field.equals("ended.late")) {
                screenshot("dashboard-dossiers.png");
            }
        }
    }

    @Test
    @Order(6)
    void theEarlyWarningListsTheOpenDossiersFallingDueSoon() {
        browser.get(platform.gatewayUrl() + "/units/" + HANOI + "?lang=en");
        WebElement hours = waitFor(By.id("due-within"));
        hours.clear();
        hours.sendKeys("40");
        browser.findElement(By.cssSelector("#due-soon-form button")).click();
        waitFor(By.cssSelector("#dossiers[data-loaded=true]"));

        assertThat(browser.getCurrentUrl()).contains("dueWithin=40").contains("lang=en");
        List<WebElement> rows = browser.findElements(By.cssSelector("#dossiers tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getAttribute("data-row")).isEqualTo("HN-S1");
    }

    @Test
    @Order(7)
    void theCsvOfAReportHasTheVietnameseNameAndTheJsonsFigures() {
        HttpResponse<byte[]> csv = sendBytes(HttpRequest.newBuilder(
                        uri("/api/v1/stats/units/" + HANOI + "/children?format=csv&period=" + today.month()))
                .GET());
        JsonNode child = getJson("/api/v1/stats/units/" + HANOI + "/children?period=" + today.month())
                .get("children")
                .get(0);

        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines[0].split(","));
        assertThat(lines[1]).contains("\"Phường Kiểm Thử, 01\"");
        String[] row = lines[1].replace("\"Phường Kiểm Thử, 01\"", "NAME").split(",", -1);
        assertThat(row[header.indexOf("ended.late")])
                .isEqualTo(child.get("ended").get("late").toString());
        assertThat(row[header.indexOf("onTimeRate")])
                .isEqualTo(child.get("onTimeRate").toString());
    }

    @Test
    @Order(8)
    void thePagesFitAPhoneScreenAndSortFromTheKeyboard() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String path : List.of("/", "/units/" + HANOI)) {
                browser.get(platform.gatewayUrl() + path);
                waitFor(By.cssSelector(
                        path.equals("/") ? "#provinces[data-loaded=true]" : "#report[data-loaded=true]"));

                Object overflow = ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).longValue()).as(path).isLessThanOrEqualTo(0);
            }
            browser.get(platform.gatewayUrl() + "/");
            waitFor(By.cssSelector("#provinces[data-loaded=true]"));
            WebElement sort = browser.findElement(By.cssSelector("#provinces th[data-column='received.new'] button"));
            sort.sendKeys(Keys.ENTER); // a count sorts largest first: Hà Nội's 24
            assertThat(browser.findElement(By.cssSelector("#provinces tbody tr"))
                            .getAttribute("data-row"))
                    .isEqualTo(HANOI);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** The page keeps the API's number as JavaScript writes it (1 for 1.0): compared as numbers, null as empty. */
    private static void assertSameNumber(String shown, JsonNode api) {
        if (api.isNull()) {
            assertThat(shown).isEmpty();
        } else {
            assertThat(new BigDecimal(shown)).isEqualByComparingTo(api.decimalValue());
        }
    }

    private static String cell(WebElement row, String field) {
        return row.findElement(By.cssSelector("[data-field='" + field + "']")).getAttribute("data-value");
    }

    /** The text as read, with the no-break spaces of Intl's formats as plain spaces. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static WebElement waitFor(By selector) {
        return Awaitility.await()
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> browser.findElement(selector), element -> element != null);
    }

    private static void screenshot(String name) throws IOException {
        String directory = System.getProperty("dashboard.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(directory));
        Files.write(Path.of(directory, name), png);
    }

    private static List<String> early(String dossier, String unit) {
        Instant receivedAt = today.ago(Duration.ofHours(2));
        return List.of(
                received(dossier, unit, receivedAt, today.now().plus(Duration.ofDays(3))),
                resolved(dossier, today.ago(Duration.ofMinutes(30))));
    }

    private static List<String> late(String dossier, String unit) {
        return List.of(
                received(dossier, unit, today.ago(Duration.ofHours(2)), today.ago(Duration.ofHours(1))),
                resolved(dossier, today.ago(Duration.ofMinutes(30))));
    }

    private static String received(String dossier, String unit, Instant at, Instant due) {
        return "{\"eventId\":\"r-" + dossier + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\",\"unitCode\":\"" + unit
                + "\",\"procedureCode\":\"9.000001\",\"channel\":\"ONLINE\",\"dueAt\":\"" + local(due) + "\"}";
    }

    private static String resolved(String dossier, Instant at) {
        return "{\"eventId\":\"e-" + dossier + "\",\"type\":\"RESOLVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + local(at) + "\"}";
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7)).toString();
    }

    private static HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", EmbeddedPlatform.SOURCE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }
}
