package vn.dossierstats.ranking.feed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN until the standings are rebuilt from the topics: until then leaderboards would be incomplete. */
@Component("standingsHealthIndicator")
class StandingsHealth implements HealthIndicator {

    private final StandingsFeed feed;

    StandingsHealth(StandingsFeed feed) {
        this.feed = feed;
    }

    @Override
    public Health health() {
        return (feed.caughtUp() ? Health.up() : Health.down()).build();
    }
}
