package vn.dossierstats.ranking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardListener;
import vn.dossierstats.ranking.writer.WriterLease;

@Configuration(proxyBeanMethods = false)
class RankingConfiguration {

    @Bean
    LeaderboardBook leaderboardBook(RankingProperties properties, MeterRegistry meters) {
        LeaderboardBook book = new LeaderboardBook(properties.minVolume());
        Gauge.builder("ranking.leaderboards.prepared", book, LeaderboardBook::preparedCount)
                .description("Leaderboards kept ready")
                .register(meters);
        return book;
    }

    /** Which instance writes the history and the leaderboard topic: 1 on that one, 0 on the others. */
    @Bean
    MeterBinder writerLeaseGauge(WriterLease lease) {
        return meters -> Gauge.builder("ranking.writer.lease", lease, held -> held.held() ? 1 : 0)
                .description("1 on the instance that writes the leaderboard history and topic, 0 on the others")
                .register(meters);
    }

    /** Counts every leaderboard whose content changed (recomputed after a change of statistics or catalogue). */
    @Bean
    LeaderboardListener leaderboardUpdateCounter(MeterRegistry meters) {
        Counter updates = Counter.builder("ranking.leaderboard.updates")
                .description("Leaderboards whose content changed after a change of statistics or catalogue")
                .register(meters);
        return boards -> updates.increment(boards.size());
    }
}
