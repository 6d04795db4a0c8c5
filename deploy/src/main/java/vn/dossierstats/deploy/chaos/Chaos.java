package vn.dossierstats.deploy.chaos;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.dossierstats.deploy.EmbeddedPlatform;
import vn.dossierstats.deploy.PlatformOptions;

/**
 * {@code deploy/chaos}: starts the platform on free ports in a fresh directory, and runs {@link ChaosRun} with every
 * fault of {@link Fault#all()} (or those named), then prints the table of docs/reliability.md. Exits 1 if any event was
 * lost, doubled or refused, or a figure stayed wrong.
 *
 * <pre>
 *   deploy/chaos [--instances=2] [--rate=40] [--faults=kill-gateway,stop-kafka-2m] [--before=15] [--after=20]
 * </pre>
 */
public final class Chaos {

    private Chaos() {}

    public static void main(String[] args) throws Exception {
        int instances = 1;
        int rate = 40;
        Duration before = Duration.ofSeconds(15);
        Duration after = Duration.ofSeconds(20);
        List<Fault> faults = Fault.all();
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--instances=")) {
                instances = Integer.parseInt(value);
            } else if (arg.startsWith("--rate=")) {
                rate = Integer.parseInt(value);
            } else if (arg.startsWith("--before=")) {
                before = Duration.ofSeconds(Long.parseLong(value));
            } else if (arg.startsWith("--after=")) {
                after = Duration.ofSeconds(Long.parseLong(value));
            } else if (arg.startsWith("--faults=")) {
                faults = new ArrayList<>();
                for (String name : value.split(",")) {
                    faults.add(Fault.named(name));
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "; see " + Arrays.toString(args));
            }
        }
        PlatformOptions options = PlatformOptions.onFreePorts(
                        java.nio.file.Path.of("").toAbsolutePath(), Files.createTempDirectory("chaos"), false)
                .withInstances(instances);
        System.out.println("Starting the platform (" + instances + " instance(s) of each service) in "
                + options.dataDir() + " ...");
        List<ChaosRun.Row> rows;
        EmbeddedPlatform platform = EmbeddedPlatform.start(options);
        // Ctrl-C (or a timeout's SIGTERM) stops the platform's processes too, not only this one
        Thread stopper = Thread.ofPlatform().unstarted(platform::close);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            rows = new ChaosRun(platform, rate, before, after, System.out).run(faults);
        } finally {
            platform.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        System.out.println("\n" + ChaosTable.table(rows));
        boolean clean = rows.stream().allMatch(ChaosRun.Row::clean);
        for (ChaosRun.Row row : rows) {
            if (!row.clean()) {
                System.out.println(row.fault().name() + ": " + row.result().first() + " " + row.examples());
            }
        }
        System.out.println(clean ? "Nothing lost, doubled or wrong." : "FAILED: see above.");
        System.exit(clean ? 0 : 1);
    }
}
