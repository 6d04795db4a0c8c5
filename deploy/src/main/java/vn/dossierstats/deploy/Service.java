package vn.dossierstats.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One instance of one of the four Spring Boot services, run from its packaged jar as a child process. */
final class Service {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int instance;
    private final int port;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private volatile ChildProcess process;

    Service(String module, int port, Path home, Map<String, String> environment, List<String> jvmOptions, Path log) {
        this(module, 0, port, home, environment, jvmOptions, log);
    }

    Service(
            String module,
            int instance,
            int port,
            Path home,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path log) {
        this.module = module;
        this.instance = instance;
        this.port = port;
        this.jar = jar(home, module);
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    /** The module's executable jar, built by {@code ./mvnw package}. */
    static Path jar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*.jar")) {
                for (Path candidate : jars) {
                    String name = candidate.getFileName().toString();
                    if (!name.endsWith("-plain.jar") && !name.endsWith("-sources.jar")) {
                        return candidate;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no jar of " + module + " under " + target
                + ": build it first with ./mvnw -DskipTests package (deploy/run does)");
    }

    String module() {
        return module;
    }

    /** Which instance of its module, from 0. */
    int instance() {
        return instance;
    }

    /** The module for the first instance, {@code module-i} for the others (process and log names). */
    String name() {
        return instance == 0 ? module : module + "-" + instance;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The running process, for resource measurements. */
    java.util.Optional<ProcessHandle> handle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.handle());
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Java.executable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        process = ChildProcess.start(module, command, environment, log);
    }

    /** Waits until {@code /actuator/health} answers UP. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited during start-up: " + Logs.tail(log, 40));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name() + " was not healthy within " + timeout + ": " + Logs.tail(log, 40));
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    /** Kills the process at once, as a crash or an OOM kill would. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }
}
