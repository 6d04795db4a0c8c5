package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose -f docker-compose.yml config} validates the stack without a Docker engine; the resolved file
 * must declare every service with a pinned image or a build from the repository, a health check and a memory limit.
 * Skipped (with the reason) only when neither docker-compose nor the compose plugin is installed; .ci/run installs it.
 */
class ComposeConfigIT {

    private static final List<String> SERVICES = List.of(
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "postgres",
            "dossier-service-1",
            "dossier-service-2",
            "metrics-service-1",
            "metrics-service-2",
            "ranking-service-1",
            "ranking-service-2",
            "gateway",
            "prometheus",
            "grafana");

    private static Path home;
    private static List<String> compose;

    @BeforeAll
    static void findCompose() throws Exception {
        home = Path.of("").toAbsolutePath().getParent();
        Optional<List<String>> found = LocalPrometheus.binary("docker-compose")
                .map(binary -> List.of(binary.toString()))
                .or(() -> LocalPrometheus.binary("docker")
                        .map(docker -> List.of(docker.toString(), "compose"))
                        .filter(command -> succeeds(command, "version")));
        Assumptions.assumeTrue(
                found.isPresent(),
                "neither docker-compose nor the docker compose plugin is installed"
                        + " (apt-get install -y docker-compose; .ci/run does)");
        compose = found.get();
    }

    @Test
    void theComposeFileIsValidAndEveryServiceIsPinnedHealthCheckedAndLimited() throws Exception {
        String config = run("-f", home.resolve("docker-compose.yml").toString(), "config");
        List<String> services =
                List.of(run("-f", home.resolve("docker-compose.yml").toString(), "config", "--services")
                        .strip()
                        .split("\\s+"));
        assertThat(services).containsExactlyInAnyOrderElementsOf(SERVICES);

        for (String service : SERVICES) {
            String block = serviceBlock(config, service);
            assertThat(block).as(service).contains("healthcheck:").contains("mem_limit:");
            Matcher image = Pattern.compile("(?m)^    image: (\\S+)$").matcher(block);
            assertThat(image.find()).as(service + " has an image").isTrue();
            assertThat(image.group(1))
                    .as(service)
                    .matches("[^:]+:[0-9v][\\w.-]*")
                    .doesNotEndWith(":latest");
            if (service.contains("-service") || service.equals("gateway")) {
                assertThat(block).as(service).contains("dockerfile: deploy/docker/Dockerfile");
                assertThat(block).as(service).contains("condition: service_healthy");
            }
        }
        assertThat(serviceBlock(config, "grafana"))
                .contains("/etc/grafana/provisioning")
                .contains("/var/lib/grafana/dashboards");
        assertThat(serviceBlock(config, "prometheus")).contains("/etc/prometheus");
    }

    /** The lines of one service in the resolved file (services are sorted and indented by two spaces). */
    private static String serviceBlock(String config, String service) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : config.split("\n")) {
            if (line.matches("  \\S.*:$")) {
                inside = line.equals("  " + service + ":");
            } else if (!line.startsWith(" ")) {
                inside = false;
            } else if (inside) {
                lines.add(line);
            }
        }
        assertThat(lines).as("service " + service).isNotEmpty();
        return String.join("\n", lines);
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("compose-config", ".log");
        try {
            ChildProcess.run("docker compose config", command, log, Duration.ofSeconds(60));
            return Files.readString(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean succeeds(List<String> command, String argument) {
        try {
            List<String> full = new ArrayList<>(command);
            full.add(argument);
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
