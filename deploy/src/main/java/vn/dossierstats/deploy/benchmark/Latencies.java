package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.util.Collection;

/** Percentiles of measured durations (nearest rank), in milliseconds. */
public record Latencies(int count, double p50, double p99, double max, int failed) {

    public Latencies(int count, double p50, double p99, double max) {
        this(count, p50, p99, max, 0);
    }

    public static Latencies of(Collection<Duration> samples) {
        double[] millis = samples.stream()
                .mapToDouble(d -> d.toNanos() / 1_000_000.0)
                .sorted()
                .toArray();
        if (millis.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(millis.length, rank(millis, 0.50), rank(millis, 0.99), millis[millis.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    @Override
    public String toString() {
        String figures = count == 0
                ? "no samples"
                : "p50 %s ms, p99 %s ms (max %s, n=%d)".formatted(format(p50), format(p99), format(max), count);
        return failed == 0 ? figures : figures + "; %d failed or not sent (over capacity)".formatted(failed);
    }

    static String format(double millis) {
        return millis < 10 ? "%.2f".formatted(millis) : "%.0f".formatted(millis);
    }
}
