package vn.dossierstats.ranking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;

class LeaderboardQueryTest {

    private static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");
    private final LeaderboardQuery query = new LeaderboardQuery(
            new LeaderboardBook(20),
            new RankingProperties(null, null, null, null, null, null, null, null, null, null, null, null, null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLimitIsFromOneToOneThousand() {
        assertThat(query.limit(null)).isNull();
        assertThat(query.limit("1")).isEqualTo(1);
        assertThat(query.limit("1000")).isEqualTo(1000);
        for (String bad : new String[] {"0", "-1", "1001", "x", "", "2147483648"}) {
            assertThatThrownBy(() -> query.limit(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.field()).isEqualTo("limit");
            });
        }
    }

    @Test
    void asOfIsAnInstantWithAnOffsetNotInTheFuture() {
        assertThat(query.asOf(null)).isEmpty();
        assertThat(query.asOf("2026-07-01T00:00:00+07:00")).contains(Instant.parse("2026-06-30T17:00:00Z"));
        assertThat(query.asOf("2026-06-30T17:00:00Z")).contains(Instant.parse("2026-06-30T17:00:00Z"));
        // a '+' not URL-encoded arrives as a space
        assertThat(query.asOf("2026-07-01T00:00:00 07:00")).contains(Instant.parse("2026-06-30T17:00:00Z"));
        assertThat(query.asOf(NOW.toString())).contains(NOW);
        for (String bad : new String[] {"2026-07-01", "2026-07-01T00:00:00", "yesterday", "", "2026-07-01T02:00:01Z"}) {
            assertThatThrownBy(() -> query.asOf(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.field()).isEqualTo("asOf");
            });
        }
    }

    @Test
    void anUnknownParentIsNotFoundAndAnUnknownLevelOrIndicatorIsInvalid() {
        assertThatThrownBy(() -> query.key("PROVINCE", "2026-06", "ON_TIME_RATE", "nope"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.field()).isEqualTo("parent");
                });
        assertThatThrownBy(() -> query.key("TOWN", null, null, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.field()).isEqualTo("level"));
        assertThatThrownBy(() -> query.key(null, null, "SPEED", null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.field()).isEqualTo("indicator"));
        assertThatThrownBy(() -> query.key(null, "2026-Q5", null, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.field()).isEqualTo("period"));
    }
}
