package vn.dossierstats.dossier.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox backlog (rows not yet published), the age of the oldest one, and relay throughput. One cheap query serves
 * both gauges and is cached for a second, however often and by however many scrapers they are read.
 */
public final class OutboxMeters {

    static final Duration CACHE = Duration.ofSeconds(1);

    private record Backlog(double rows, Instant oldest, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Backlog cached;

    /** @param clock the service's clock bean, which the age of the oldest row is measured on, like every instant */
    public OutboxMeters(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("dossier.outbox.backlog", this, m -> m.backlog().rows())
                .description("Outbox rows not yet published")
                .register(meters);
        Gauge.builder("dossier.outbox.oldest.age", this, OutboxMeters::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row (0 when none)")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Counts records the broker acknowledged, by topic. */
    public void published(String topic, long records) {
        Counter.builder("dossier.outbox.published")
                .description("Outbox records published to Kafka and acknowledged")
                .tag("topic", topic)
                .register(meters)
                .increment(records);
    }

    private double oldestAgeSeconds() {
        Backlog backlog = backlog();
        if (Double.isNaN(backlog.rows())) {
            return Double.NaN;
        }
        if (backlog.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    private synchronized Backlog backlog() {
        Instant now = clock.instant();
        Backlog current = cached;
        if (current != null && current.readAt().plus(CACHE).isAfter(now)) {
            return current;
        }
        try {
            current = jdbc.sql("select count(*), min(created_at) from outbox")
                    .query((rs, n) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant(), now);
                    })
                    .single();
        } catch (RuntimeException e) {
            // the database is unreachable: no reading (NaN), rather than a reassuring zero or a failed scrape
            return new Backlog(Double.NaN, null, now);
        }
        cached = current;
        return current;
    }
}
