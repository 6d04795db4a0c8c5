package vn.dossierstats.ranking.feed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN until both source topics have been read to their end at start-up: leaderboards would be incomplete. */
@Component("sourceFeedHealthIndicator")
class SourceFeedHealth implements HealthIndicator {

    private final SourceFeed feed;

    SourceFeedHealth(SourceFeed feed) {
        this.feed = feed;
    }

    @Override
    public Health health() {
        return (feed.caughtUp() ? Health.up() : Health.down().withDetail("reason", "replaying source topics")).build();
    }
}
