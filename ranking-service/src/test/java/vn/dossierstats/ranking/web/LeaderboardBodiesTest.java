package vn.dossierstats.ranking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;
import vn.dossierstats.ranking.leaderboard.Unit;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

class LeaderboardBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Period JULY = Period.parse("2026-07").orElseThrow();
    private static final LeaderboardKey PROVINCES = new LeaderboardKey("PROVINCE", null, JULY, Indicator.ON_TIME_RATE);
    private static final Instant FIRST_READ = Instant.parse("2026-07-20T03:00:00Z");

    private final LeaderboardBook book = new LeaderboardBook(20);
    private final MovingClock clock = new MovingClock(FIRST_READ);
    private final LeaderboardBodies bodies = new LeaderboardBodies(
            book,
            JSON,
            new RankingProperties(null, null, null, null, null, null, null, null, null, null, null, null, null),
            clock);

    @BeforeEach
    void twoProvinces() {
        book.putUnit(new Unit("01", "Hà Nội", "PROVINCE", null));
        book.putUnit(new Unit("33", "Hưng Yên", "PROVINCE", null));
        book.putCounts("01", JULY, ended(30, 10));
        book.putCounts("33", JULY, ended(20, 20));
        book.goLive();
    }

    @Test
    void aLeaderboardIsSerialisedOnceAndServedAsTheSameBytesUntilItChanges() {
        PreparedBody first = bodies.live(PROVINCES, null);
        clock.set(FIRST_READ.plusSeconds(60));
        PreparedBody later = bodies.live(PROVINCES, null);

        assertThat(later).isSameAs(first);
        JsonNode board = JSON.readTree(first.bytes());
        assertThat(board.get("entries").get(0).get("unitCode").asString()).isEqualTo("01");
        // the instant it was prepared at, in local time: it stood so then and has not changed since
        assertThat(board.get("asOf").asString()).isEqualTo("2026-07-20T10:00:00+07:00");
    }

    @Test
    void aChangeIsServedAtTheNextReadWithANewTagAndAsOf() {
        PreparedBody before = bodies.live(PROVINCES, null);
        book.putCounts("33", JULY, ended(40, 0));
        book.flush();
        clock.set(FIRST_READ.plusSeconds(1));

        PreparedBody after = bodies.live(PROVINCES, null);

        assertThat(after.etag()).isNotEqualTo(before.etag());
        JsonNode board = JSON.readTree(after.bytes());
        assertThat(board.get("entries").get(0).get("unitCode").asString()).isEqualTo("33");
        assertThat(board.get("asOf").asString()).isEqualTo("2026-07-20T10:00:01+07:00");
    }

    @Test
    void countsThatMoveNothingOnTheLeaderboardKeepItsBody() {
        PreparedBody before = bodies.live(PROVINCES, null);
        // more received, nothing more ended: the on-time board is recomputed equal
        book.putCounts("01", JULY, new PeriodCounts(0, 50, 0, 0, 0, 0, 30, 10, 10, 0, 0, 0, 0));
        book.flush();
        clock.set(FIRST_READ.plusSeconds(5));

        assertThat(bodies.live(PROVINCES, null)).isSameAs(before);
    }

    @Test
    void aLimitShortensTheEntriesOfTheSameContentAndAsOf() {
        PreparedBody full = bodies.live(PROVINCES, null);
        clock.set(FIRST_READ.plusSeconds(30));

        JsonNode limited = JSON.readTree(bodies.live(PROVINCES, 1).bytes());

        assertThat(limited.get("entries")).hasSize(1);
        assertThat(limited.get("asOf")).isEqualTo(JSON.readTree(full.bytes()).get("asOf"));
        assertThat(bodies.live(PROVINCES, 2).etag()).isEqualTo(full.etag());
    }

    @Test
    void aLeaderboardWithoutDataIsServedTheSameWayUntilDataArrives() {
        LeaderboardKey june = new LeaderboardKey("PROVINCE", null, JULY.previous(), Indicator.ON_TIME_RATE);
        PreparedBody empty = bodies.live(june, null);
        clock.set(FIRST_READ.plusSeconds(1));

        assertThat(bodies.live(june, null).etag()).isEqualTo(empty.etag());
        book.putCounts("01", JULY.previous(), ended(25, 0));
        book.flush();
        assertThat(JSON.readTree(bodies.live(june, null).bytes()).get("entries"))
                .hasSize(1);
    }

    /** {@code onTime} ended on time, {@code late} late, everything received ended. */
    private static PeriodCounts ended(long onTime, long late) {
        return new PeriodCounts(0, onTime + late, 0, 0, 0, 0, onTime, late, 0, 0, 0, 0, 0);
    }

    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
