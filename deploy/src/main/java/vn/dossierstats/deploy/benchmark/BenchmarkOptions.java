package vn.dossierstats.deploy.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How big and how long a benchmark run is.
 *
 * @param size how many dossiers are loaded, and how long each measured phase lasts
 * @param home the repository root (the services' jars are under its modules' target/)
 * @param dataDir broker, database, state and logs of the run (wiped first)
 * @param output the markdown file whose benchmark block the results replace; null: print only
 * @param dossiers how many dossiers are loaded first: the size's, unless a quick look asks for another number
 * @param instances instances of each service behind the gateway (docs/scaling.md)
 * @param warmUp how long the platform is loaded before anything is measured ({@link WarmUp}): the size's, unless
 *     asked otherwise (0: measure the platform cold)
 */
public record BenchmarkOptions(
        Size size, Path home, Path dataDir, Path output, int dossiers, int instances, Duration warmUp) {

    /** The sizes of issue 8; SMOKE is the suite's check that every phase works, not how fast. */
    public enum Size {
        SMOKE("smoke", 600, Duration.ofSeconds(2), Duration.ofSeconds(2), 50, 20, 20, List.of(4)),
        S100K("100k", 100_000, Duration.ofSeconds(20), Duration.ofSeconds(60), 1_000, 500, 1_000, List.of(4, 16, 64)),
        S1M("1m", 1_000_000, Duration.ofSeconds(20), Duration.ofSeconds(60), 1_000, 500, 1_000, List.of(4, 16, 64)),
        /** Where 10M does not fit the machine time at hand: with 100k and 1M, a growth curve of the status quo. */
        S3M("3m", 3_000_000, Duration.ofSeconds(20), Duration.ofSeconds(60), 1_000, 500, 1_000, List.of(4, 16, 64)),
        S10M("10m", 10_000_000, Duration.ofSeconds(30), Duration.ofSeconds(60), 1_000, 500, 1_000, List.of(4, 16, 64));

        final String label;
        final int dossiers;
        final Duration phase;
        /** how long the platform is loaded before the first measured phase */
        final Duration warmUp;

        final int readRate;
        final int sequentialReads;
        /** single events per second while reads and freshness are measured: the national peak */
        final int ingestRate;

        final List<Integer> singleEventConcurrency;

        Size(
                String label,
                int dossiers,
                Duration phase,
                Duration warmUp,
                int readRate,
                int sequentialReads,
                int ingestRate,
                List<Integer> singleEventConcurrency) {
            this.label = label;
            this.dossiers = dossiers;
            this.phase = phase;
            this.warmUp = warmUp;
            this.readRate = readRate;
            this.sequentialReads = sequentialReads;
            this.ingestRate = ingestRate;
            this.singleEventConcurrency = singleEventConcurrency;
        }

        static Size parse(String label) {
            for (Size size : values()) {
                if (size.label.equalsIgnoreCase(label)) {
                    return size;
                }
            }
            throw new IllegalArgumentException("unknown size " + label + ": smoke, 100k, 1m, 3m or 10m");
        }
    }

    /**
     * {@code --size=smoke|100k|1m|3m|10m --dossiers=N --instances=N --warm-up=SECONDS --data-dir=DIR
     * --output=FILE|--no-output}.
     */
    public static BenchmarkOptions parse(List<String> args) {
        Size size = Size.S100K;
        Path home = Path.of("").toAbsolutePath();
        Path dataDir = home.resolve("deploy/target/benchmark");
        Path output = home.resolve("docs/benchmarks.md");
        Integer dossiers = null;
        int instances = 1;
        Duration warmUp = null;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            switch (pair[0]) {
                case "--size" -> size = Size.parse(value);
                case "--dossiers" -> dossiers = Integer.parseInt(value);
                case "--instances" -> instances = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
                case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                case "--output" -> output = Path.of(value).toAbsolutePath();
                case "--no-output" -> output = null;
                default ->
                    throw new IllegalArgumentException("unknown option " + arg
                            + "; options: --size=smoke|100k|1m|3m|10m --dossiers=<n> --instances=<n> --warm-up=<seconds>"
                            + " --data-dir=<dir> --output=<file> --no-output");
            }
        }
        return new BenchmarkOptions(
                size,
                home,
                dataDir,
                output,
                dossiers == null ? size.dossiers : dossiers,
                instances,
                warmUp == null ? size.warmUp : warmUp);
    }
}
