package vn.dossierstats.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark at its smallest size: every phase runs and produces its figure (how fast is not asserted). */
class BenchmarkSmokeIT {

    @Test
    void everyPhaseOfTheBenchmarkProducesItsFigureAndTheBaselineAgreesWithThePlatform() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        Path output = Files.createTempFile("benchmarks", ".md");
        Files.writeString(output, "# Benchmarks\n\nAnalysis that a run must keep.\n");
        BenchmarkOptions options = new BenchmarkOptions(
                BenchmarkOptions.Size.SMOKE,
                home,
                Files.createTempDirectory("benchmark-smoke"),
                output,
                BenchmarkOptions.Size.SMOKE.dossiers,
                1,
                BenchmarkOptions.Size.SMOKE.warmUp);

        Results results = new Benchmark(options, System.out).run();
        results.writeInto(output, "smoke");

        List<String> measures =
                results.rows().stream().map(Results.Row::measure).toList();
        assertThat(measures)
                .anyMatch(m -> m.startsWith("warm-up before the measured phases"))
                .anyMatch(m -> m.equals("cores used during the warm-up"))
                .anyMatch(m -> m.startsWith("ingestion, 1,000-event batches"))
                .anyMatch(m -> m.startsWith("ingestion, single-event requests"))
                .anyMatch(m -> m.startsWith("end to end"))
                .anyMatch(m -> m.startsWith("freshness to the report") && m.contains("of the best rate"))
                .anyMatch(m -> m.startsWith("freshness to the report") && m.contains("of the rate end to end"))
                .anyMatch(m -> m.startsWith("freshness to the report") && m.contains("single events"))
                .anyMatch(m -> m.startsWith("freshness to the leaderboard"))
                .anyMatch(m -> m.startsWith("read latency through the gateway, report"))
                .anyMatch(m -> m.endsWith("one client"))
                .anyMatch(m -> m.startsWith("read latency through the gateway, leaderboard") && m.contains("ingesting"))
                .anyMatch(m -> m.startsWith("read capacity through the gateway, report"))
                .anyMatch(m -> m.startsWith("read capacity through the gateway, leaderboard"))
                .anyMatch(m -> m.startsWith("cores used during single-event requests"))
                .anyMatch(m -> m.startsWith("status quo"))
                .anyMatch(m -> m.startsWith("rebuild"))
                .anyMatch(m -> m.startsWith("CPU and memory: gateway"))
                .anyMatch(m -> m.startsWith("CPU and memory: postgresql"));
        assertThat(results.rows()).allSatisfy(row -> assertThat(row.value()).doesNotContain("no samples", "NaN"));
        assertThat(results.rows())
                .filteredOn(row -> row.measure().startsWith("cores used during"))
                .allSatisfy(row -> assertThat(row.value()).contains("of which JIT compilers"));
        assertThat(results.rows())
                .filteredOn(row -> row.measure().startsWith("baseline and platform"))
                .singleElement()
                .satisfies(row -> assertThat(row.met()).as(row.value()).isTrue());
        String written = Files.readString(output);
        assertThat(written).contains("Analysis that a run must keep.", "<!-- benchmark smoke begin -->", "| rebuild");
    }
}
