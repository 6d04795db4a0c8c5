package vn.dossierstats.ranking.standings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.feed.UnitRecord;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.Period;
import vn.dossierstats.ranking.leaderboard.Ranking;
import vn.dossierstats.ranking.leaderboard.UnitCounts;

/**
 * Prepared leaderboards: each is computed once per change of the standings and then served as is, so reads cost a
 * map lookup while nothing changes.
 */
@Service
public class Leaderboards {

    /** Which leaderboard: a level, optionally within a parent, for a period and an indicator. */
    public record Key(String level, String parent, Period period, Indicator indicator) {}

    private record Prepared(long version, Leaderboard leaderboard) {}

    private final Standings standings;
    private final RankingProperties properties;
    private final Clock clock;
    private final Counter updates;
    private final Map<Key, Prepared> prepared = new ConcurrentHashMap<>();

    Leaderboards(Standings standings, RankingProperties properties, Clock clock, MeterRegistry meters) {
        this.standings = standings;
        this.properties = properties;
        this.clock = clock;
        this.updates = Counter.builder("ranking.leaderboard.updates")
                .description("Leaderboards recomputed after a change of statistics or catalogue")
                .register(meters);
    }

    public Leaderboard get(Key key) {
        long version = standings.version();
        Prepared current = prepared.get(key);
        if (current != null && current.version() == version) {
            return current.leaderboard();
        }
        Leaderboard computed = compute(key, previousRanks(key));
        prepared.put(key, new Prepared(version, computed));
        updates.increment();
        return computed;
    }

    private Map<String, Integer> previousRanks(Key key) {
        Key previous = new Key(key.level(), key.parent(), key.period().previous(), key.indicator());
        return compute(previous, Map.of()).entries().stream()
                .collect(Collectors.toMap(Leaderboard.Entry::unitCode, Leaderboard.Entry::rank));
    }

    private Leaderboard compute(Key key, Map<String, Integer> previousRanks) {
        List<Ranking.Candidate> candidates = standings.unitsAt(key.level(), key.parent()).stream()
                .map(unit -> candidate(unit, key))
                .toList();
        Ranking.Result result = Ranking.rank(candidates, properties.minVolume(), previousRanks);
        return new Leaderboard(
                key.level(),
                key.parent(),
                key.period().key(),
                key.indicator(),
                clock.instant().atZone(properties.timeZone()).toOffsetDateTime(),
                properties.minVolume(),
                result.entries(),
                result.unranked());
    }

    private Ranking.Candidate candidate(UnitRecord unit, Key key) {
        UnitCounts counts = standings.counts(unit.code(), key.period().key());
        return new Ranking.Candidate(
                unit.code(),
                unit.name(),
                key.indicator().value(counts),
                key.indicator().volume(counts));
    }
}
