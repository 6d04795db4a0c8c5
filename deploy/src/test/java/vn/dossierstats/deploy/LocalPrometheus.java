package vn.dossierstats.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Prometheus server (the Debian package's binary) run as a child process, and its HTTP API. */
final class LocalPrometheus implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final ChildProcess process;

    private LocalPrometheus(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** The binary: {@code $PROMETHEUS_HOME/<name>}, else on the PATH, else under /usr/bin. */
    static Optional<Path> binary(String name) {
        String home = System.getenv("PROMETHEUS_HOME");
        Stream<Path> candidates = Stream.concat(
                home == null ? Stream.empty() : Stream.of(Path.of(home, name)),
                Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isBlank())
                                .map(dir -> Path.of(dir, name)),
                        Stream.of(Path.of("/usr/bin", name), Path.of("/usr/local/bin", name))));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    static LocalPrometheus start(Path binary, Path config, Path dataDir, int port, Path log) throws IOException {
        ChildProcess process = ChildProcess.start(
                "prometheus",
                List.of(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dataDir,
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn"),
                Map.of(),
                log);
        return new LocalPrometheus(port, process);
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited: " + Logs.tail(process.log(), 30));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus not ready within " + timeout + ": " + Logs.tail(process.log(), 30));
    }

    /** An instant query: the whole answer ({@code status}, {@code data.result}, or {@code error}). */
    JsonNode query(String promql) {
        return json("/api/v1/query?query=" + encode(promql));
    }

    JsonNode json(String path) {
        return JSON.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
