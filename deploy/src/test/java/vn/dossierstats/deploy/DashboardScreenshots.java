package vn.dossierstats.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The README's screenshots, from a running platform ({@code deploy/run --simulate}), in the system's headless
 * Chromium: {@code deploy/screenshots [gateway URL] [directory]} (default http://localhost:8080 and docs).
 */
public final class DashboardScreenshots {

    /** Page, the element that says its figures are in, file. */
    private static final Map<String, String[]> PAGES = Map.of(
            "/", new String[] {"#provinces[data-loaded=true]", "dashboard-country.png"},
            "/units/33", new String[] {"#children[data-loaded=true]", "dashboard-unit.png"},
            "/units/33/dossiers?figure=late", new String[] {"#dossiers[data-loaded=true]", "dashboard-dossiers.png"});

    private DashboardScreenshots() {}

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        Path directory = Path.of(args.length > 1 ? args[1] : "docs");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("dashboard-screenshots"),
                "--window-size=1280,1500");
        ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        try {
            Files.createDirectories(directory);
            for (var page : PAGES.entrySet()) {
                browser.get(gateway + page.getKey());
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .ignoreExceptions()
                        .until(() -> browser.findElement(By.cssSelector(page.getValue()[0])) != null);
                Files.write(directory.resolve(page.getValue()[1]), browser.getScreenshotAs(OutputType.BYTES));
                System.out.println("wrote " + directory.resolve(page.getValue()[1]));
            }
        } finally {
            browser.quit();
        }
    }
}
