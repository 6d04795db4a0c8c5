package vn.dossierstats.metrics.stream;

import java.time.Duration;

/**
 * How often changed unit statistics are published for the ranking service.
 *
 * @param running for the running period of each granularity: what dashboards watch, and the freshness target
 * @param past for the earlier periods a late or back-dated event ripples through (their carried-over counts); a
 *     slower cadence bounds the volume a burst of back-dated events publishes
 */
public record Cadence(Duration running, Duration past) {

    public Cadence {
        if (running.isNegative() || running.isZero() || past.compareTo(running) < 0) {
            throw new IllegalArgumentException("cadence: running must be positive and past at least running");
        }
    }
}
