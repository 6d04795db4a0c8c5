package vn.dossierstats.metrics.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN until the topology runs: until then reports would be empty, not true. */
@Component("statisticsHealthIndicator")
class StatisticsHealth implements HealthIndicator {

    private final StatisticsEngine engine;

    StatisticsHealth(StatisticsEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        Health.Builder health = engine.isProcessing() ? Health.up() : Health.down();
        return health.withDetail("streams", engine.state().name()).build();
    }
}
