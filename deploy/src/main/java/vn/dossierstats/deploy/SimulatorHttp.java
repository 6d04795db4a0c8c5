package vn.dossierstats.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The simulators' HTTP: requests through the gateway that report a failure on the console and go on, as a simulator
 * must (a request lost while a service restarts is not a reason to stop the traffic).
 */
final class SimulatorHttp {

    private final String gateway;
    private final String adminToken;
    private final PrintStream out;
    /** How the console lines start: which simulator speaks. */
    private final String name;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorHttp(String gateway, String adminToken, PrintStream out, String name) {
        this.gateway = gateway;
        this.adminToken = adminToken;
        this.out = out;
        this.name = name;
    }

    URI uri(String path) {
        return URI.create(gateway + path);
    }

    /** An administrator's PUT (catalogue set-up); a refusal is printed, not thrown. */
    void put(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (response != null && response.statusCode() >= 300) {
            out.println(name + ": PUT " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The answer, or null when there was none (printed). */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println(name + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
