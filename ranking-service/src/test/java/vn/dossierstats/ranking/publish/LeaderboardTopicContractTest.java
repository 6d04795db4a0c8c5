package vn.dossierstats.ranking.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;
import vn.dossierstats.unitstats.Period;

/** Pins leaderboards.v1 (docs/events.md): the value is written exactly as the golden file, the key as documented. */
class LeaderboardTopicContractTest {

    private static final Leaderboard BOARD = new Leaderboard(
            "COMMUNE",
            "H26",
            "2026-07",
            Indicator.ON_TIME_RATE,
            20,
            List.of(
                    new Leaderboard.Entry(1, "H26.30", "Xã Phù Cừ", 0.9412, 85, 3, 2),
                    new Leaderboard.Entry(2, "H26.12", "Xã Tiên Lữ", 0.9, 40, null, null)),
            List.of(
                    new Leaderboard.Unranked("H26.40", "Xã Ân Thi", 1.0, 3, Leaderboard.INSUFFICIENT_VOLUME),
                    new Leaderboard.Unranked("H26.41", "Xã Kim Động", null, 0, Leaderboard.INSUFFICIENT_VOLUME)));

    @Test
    void writesTheLeaderboardExactlyAsTheGoldenFile() throws Exception {
        var golden = LeaderboardTopic.JSON.readTree(
                Files.readString(Path.of("src/test/resources/contracts/leaderboard.json")));
        byte[] value = LeaderboardTopic.value(BOARD, Instant.parse("2026-07-02T03:00:00.300Z"));
        assertThat(LeaderboardTopic.JSON.readTree(value)).isEqualTo(golden);
    }

    @Test
    void theContentDigestLeavesTheChangeInstantOutAndIsTheDigestOfTheRest() throws Exception {
        byte[] first = LeaderboardTopic.value(BOARD, Instant.parse("2026-07-02T03:00:00.300Z"));
        byte[] later = LeaderboardTopic.value(BOARD, Instant.parse("2026-07-02T04:00:00Z"));
        assertThat(first).isNotEqualTo(later);
        assertThat(LeaderboardTopic.contentDigest(first)).isEqualTo(LeaderboardTopic.contentDigest(later));

        // what an earlier version digested (the JSON without asOf), so records it wrote compare equal
        String rest =
                new String(first, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"asOf\":\"[^\"]*\"", "");
        assertThat(LeaderboardTopic.contentDigest(first))
                .isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(rest.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Leaderboard other = new Leaderboard(
                BOARD.level(),
                BOARD.parent(),
                BOARD.period(),
                BOARD.indicator(),
                21,
                BOARD.entries(),
                BOARD.unranked());
        assertThat(LeaderboardTopic.contentDigest(LeaderboardTopic.value(other, Instant.parse("2026-07-02T04:00:00Z"))))
                .isNotEqualTo(LeaderboardTopic.contentDigest(later));
    }

    @Test
    void theKeyIsLevelParentPeriodIndicatorWithAnEmptyParentNationwide() {
        assertThat(LeaderboardTopic.key(BOARD)).isEqualTo("COMMUNE|H26|2026-07|ON_TIME_RATE");
        var nationwide =
                new LeaderboardKey("PROVINCE", null, Period.parse("2026-Q3").orElseThrow(), Indicator.ONLINE_SHARE);
        assertThat(nationwide.id()).isEqualTo("PROVINCE||2026-Q3|ONLINE_SHARE");
    }
}
