package vn.dossierstats.ranking.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;

/**
 * The live leaderboards as bytes: each serialised once per content, at the first read after it changed, and served
 * as is until the book holds another content. A read is then a map lookup and an identity check, no JSON.
 *
 * <p>{@code asOf} of a live read is the instant its body was serialised: the leaderboard stood as shown then and has
 * not changed since (the book recomputes it on every change), which is what its entity tag asserts. It is the same
 * in every response of that body, so the body can be a strong validator, kept by any HTTP cache and answered with a
 * 304; the {@code Date} header tells when a response was sent.
 *
 * <p>A body is kept with the leaderboard it shows: the same object, or an equal one (a recomputation that moved
 * nothing keeps the body, its asOf and its tag). Bodies are bounded in total size ({@code ranking.read-cache-size});
 * one evicted is serialised again at its next read.
 */
@Component
class LeaderboardBodies {

    private final LeaderboardBook book;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Clock clock;
    private final Cache<LeaderboardKey, Prepared> bodies;

    LeaderboardBodies(LeaderboardBook book, JsonMapper json, RankingProperties properties, Clock clock) {
        this.book = book;
        this.json = json;
        this.zone = properties.timeZone();
        this.clock = clock;
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(properties.readCacheSize().toBytes())
                .<LeaderboardKey, Prepared>weigher(
                        (key, prepared) -> prepared.body().bytes().length)
                .build();
    }

    /** The live leaderboard of {@code key}, its first {@code limit} entries (all when null). */
    PreparedBody live(LeaderboardKey key, Integer limit) {
        Leaderboard board = book.get(key);
        Prepared prepared = bodies.getIfPresent(key);
        if (prepared == null || prepared.board() != board) {
            // once per change: concurrent first readers of a new content wait for one serialisation
            prepared = bodies.asMap()
                    .compute(key, (k, old) -> old != null && old.shows(board) ? old.of(board) : prepare(board));
        }
        if (limit == null || limit >= board.entries().size()) {
            return prepared.body();
        }
        // a shortened board: the same content and asOf, serialised per request (rare, and bounded by ranking.limit-max)
        return body(LeaderboardView.of(prepared.board(), prepared.asOf(), limit));
    }

    /** A body serialised for this request only (history reads). */
    PreparedBody body(LeaderboardView view) {
        return PreparedBody.of(json.writeValueAsBytes(view));
    }

    private Prepared prepare(Leaderboard board) {
        OffsetDateTime asOf = clock.instant().atZone(zone).toOffsetDateTime();
        return new Prepared(board, asOf, body(LeaderboardView.of(board, asOf, null)));
    }

    /** A leaderboard's body and the asOf in it. */
    private record Prepared(Leaderboard board, OffsetDateTime asOf, PreparedBody body) {

        boolean shows(Leaderboard other) {
            return board == other || board.equals(other);
        }

        /** The same body for an equal leaderboard object: the next read finds it by identity. */
        Prepared of(Leaderboard equal) {
            return board == equal ? this : new Prepared(equal, asOf, body);
        }
    }
}
