package vn.dossierstats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to run the embedded platform.
 *
 * @param home the repository root (where the services' target/ folders are)
 * @param dataDir broker, database, state and logs
 * @param fresh wipe {@code dataDir} first
 * @param quickStartJvm JVM flags that start services faster at the cost of peak speed (tests)
 * @param simulate push simulated traffic through the gateway
 * @param rate simulated events per second
 * @param instances how many instances of each of dossier-, metrics- and ranking-service run (one gateway in front of
 *     them all): the first on its configured port, the others on ports derived from it ({@link #instancePort})
 */
public record PlatformOptions(
        Path home,
        Path dataDir,
        boolean fresh,
        int gatewayPort,
        int dossierPort,
        int metricsPort,
        int rankingPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        boolean quickStartJvm,
        boolean simulate,
        int rate,
        int instances) {

    public PlatformOptions {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, not " + instances);
        }
    }

    public static PlatformOptions defaults() {
        return new PlatformOptions(
                Path.of("").toAbsolutePath(),
                Path.of(".embedded").toAbsolutePath(),
                false,
                8080,
                8081,
                8082,
                8083,
                9092,
                9093,
                15432,
                false,
                false,
                50,
                1);
    }

    /**
     * A platform for a test of the deploy module: the repository root above the module, a fresh temporary data
     * directory, free ports, JVMs that start fast, no simulated traffic.
     */
    public static PlatformOptions forTests(String name) {
        try {
            return onFreePorts(Path.of("").toAbsolutePath().getParent(), Files.createTempDirectory(name), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh platform in {@code dataDir} on free ports, so that it runs beside anything else on the machine. */
    public static PlatformOptions onFreePorts(Path home, Path dataDir, boolean quickStartJvm) {
        try {
            return new PlatformOptions(
                    home,
                    dataDir,
                    true,
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    quickStartJvm,
                    false,
                    0,
                    1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same platform, with the simulator pushing {@code eventsPerSecond} through the gateway. */
    public PlatformOptions simulating(int eventsPerSecond) {
        return with(true, eventsPerSecond, instances);
    }

    /** The same platform with {@code count} instances of each service behind the gateway. */
    public PlatformOptions withInstances(int count) {
        return with(simulate, rate, count);
    }

    private PlatformOptions with(boolean simulate, int rate, int instances) {
        return new PlatformOptions(
                home,
                dataDir,
                fresh,
                gatewayPort,
                dossierPort,
                metricsPort,
                rankingPort,
                kafkaPort,
                kafkaControllerPort,
                postgresPort,
                quickStartJvm,
                simulate,
                rate,
                instances);
    }

    /**
     * The port of instance {@code index} of a service whose first instance listens on {@code firstPort}: the first
     * on it, the others 10000 above per instance (8081, 18081, 28081), so that a port tells service and instance;
     * a free one instead when that one is in the range of outgoing connections (32768 and up) or taken.
     */
    public static int instancePort(int firstPort, int index) {
        if (index == 0) {
            return firstPort;
        }
        int derived = firstPort + 10_000 * index;
        if (derived < EPHEMERAL_START && bindable(derived)) {
            return derived;
        }
        try {
            return freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Linux starts handing out ports to outgoing connections (net.ipv4.ip_local_port_range, by default). */
    private static final int EPHEMERAL_START = 32_768;
    /** Ports handed out by this JVM: two services never get the same one. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on, below the ephemeral range: an outgoing connection of any process (a Kafka client, a
     * JDBC pool) never takes it between this check and the service binding it, as one can take a port the kernel
     * handed out with {@code new ServerSocket(0)}.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(EPHEMERAL_START - 20_000);
            if (bindable(candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no free port between 20000 and " + EPHEMERAL_START);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * {@code --simulate --rate=200 --fresh --data-dir=DIR --gateway-port=N --dossier-port=N --metrics-port=N
     * --ranking-port=N --kafka-port=N --postgres-port=N --instances=N}.
     */
    public static PlatformOptions parse(List<String> arguments) {
        PlatformOptions d = defaults();
        Path dataDir = d.dataDir();
        boolean fresh = false;
        boolean simulate = false;
        int rate = d.rate();
        int gatewayPort = d.gatewayPort();
        int dossierPort = d.dossierPort();
        int metricsPort = d.metricsPort();
        int rankingPort = d.rankingPort();
        int kafkaPort = d.kafkaPort();
        int postgresPort = d.postgresPort();
        int instances = d.instances();
        for (String argument : arguments) {
            String[] parts = argument.split("=", 2);
            String value = parts.length > 1 ? parts[1] : "";
            switch (parts[0]) {
                case "--simulate" -> simulate = true;
                case "--rate" -> rate = Integer.parseInt(value);
                case "--fresh" -> fresh = true;
                case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                case "--gateway-port" -> gatewayPort = Integer.parseInt(value);
                case "--dossier-port" -> dossierPort = Integer.parseInt(value);
                case "--metrics-port" -> metricsPort = Integer.parseInt(value);
                case "--ranking-port" -> rankingPort = Integer.parseInt(value);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value);
                case "--postgres-port" -> postgresPort = Integer.parseInt(value);
                case "--instances" -> instances = Integer.parseInt(value);
                default ->
                    throw new IllegalArgumentException("unknown option " + argument + "; options: --simulate"
                            + " --rate=<events/s> --fresh --data-dir=<dir> --gateway-port=<n> --dossier-port=<n>"
                            + " --metrics-port=<n> --ranking-port=<n> --kafka-port=<n> --postgres-port=<n>"
                            + " --instances=<n>");
            }
        }
        return new PlatformOptions(
                d.home(),
                dataDir,
                fresh,
                gatewayPort,
                dossierPort,
                metricsPort,
                rankingPort,
                kafkaPort,
                kafkaPort + 1,
                postgresPort,
                false,
                simulate,
                rate,
                instances);
    }
}
