package vn.dossierstats.ranking.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.SharedPostgres;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.writer.WriterLease;

/** The snapshot table on a real PostgreSQL, migrated by Flyway: reads as of an instant, dedup, thinning. */
class SnapshotHistoryIT {

    private static final String KEY = "PROVINCE||2026-Q2|ON_TIME_RATE";
    private static final RankingProperties PROPERTIES =
            new RankingProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    private static JdbcTemplate jdbc;
    private static SnapshotStore store;
    private static WriterLease lease;

    @BeforeAll
    static void database() {
        String url = SharedPostgres.jdbcUrl("snapshot_it");
        Flyway.configure().dataSource(url, "postgres", "").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        store = new SnapshotStore(jdbc, JsonMapper.builder().build(), PROPERTIES);
        lease = new WriterLease(jdbc.getDataSource(), PROPERTIES);
        lease.start();
        await().atMost(Duration.ofSeconds(10)).until(lease::held);
    }

    @AfterAll
    static void release() {
        lease.stop();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from leaderboard_snapshot");
    }

    @Test
    void aReadReturnsTheLatestSnapshotAtOrBeforeTheInstant() {
        write(board("01", 0.9), "2026-06-30T10:00:00Z");
        write(board("33", 0.8), "2026-06-30T12:00:00Z");

        assertThat(store.at(KEY, Instant.parse("2026-06-30T09:59:59Z"))).isEmpty();
        assertThat(store.at(KEY, Instant.parse("2026-06-30T10:00:00Z")))
                .hasValueSatisfying(s -> assertThat(s.board()).isEqualTo(board("01", 0.9)));
        assertThat(store.at(KEY, Instant.parse("2026-06-30T11:59:59Z")))
                .hasValueSatisfying(s -> assertThat(s.takenAt()).isEqualTo(Instant.parse("2026-06-30T10:00:00Z")));
        assertThat(store.at(KEY, Instant.parse("2030-01-01T00:00:00Z")))
                .hasValueSatisfying(s -> assertThat(s.board()).isEqualTo(board("33", 0.8)));
        assertThat(store.at("PROVINCE||2026-Q3|ON_TIME_RATE", Instant.parse("2030-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void thinningKeepsTheLastSnapshotOfEachLocalDayAndEverythingRecent() {
        // 30 June local: 08:00, 15:00, 23:30; 1 July local: 07:00, 07:30; then recent rows
        write(board("A", 0.1), "2026-06-30T01:00:00Z");
        write(board("A", 0.2), "2026-06-30T08:00:00Z");
        write(board("A", 0.3), "2026-06-30T16:30:00Z");
        write(board("A", 0.4), "2026-07-01T00:00:00Z");
        write(board("A", 0.5), "2026-07-01T00:30:00Z");
        write(board("A", 0.6), "2026-07-10T01:00:00Z");
        write(board("A", 0.7), "2026-07-10T02:00:00Z");

        // a run after an earlier one visits only what aged since (here: 1 July on)
        Instant cutoff = Instant.parse("2026-07-05T00:00:00Z");
        assertThat(store.thin(Instant.parse("2026-07-01T00:00:00Z"), cutoff)).isEqualTo(1);
        assertThat(store.thin(cutoff)).isEqualTo(2);

        assertThat(jdbc
                        .queryForList(
                                "select taken_at from leaderboard_snapshot order by taken_at",
                                java.time.OffsetDateTime.class)
                        .stream()
                        .map(t -> t.toInstant().toString()))
                .containsExactly(
                        "2026-06-30T16:30:00Z", "2026-07-01T00:30:00Z", "2026-07-10T01:00:00Z", "2026-07-10T02:00:00Z");
        // the end of the quarter (midnight local) is still exact
        assertThat(store.at(KEY, Instant.parse("2026-06-30T17:00:00Z")))
                .hasValueSatisfying(s -> assertThat(s.board()).isEqualTo(board("A", 0.3)));
    }

    @Test
    void theRecorderStoresAChangedContentOnceAndTheLastOfADayEvenWhenSuperseded() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-06-30T16:59:59Z"));
        Clock ticking = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        };
        SnapshotRecorder recorder = new SnapshotRecorder(store, lease, ticking, PROPERTIES, new SimpleMeterRegistry());

        recorder.updated(List.of(board("01", 0.9)));
        clock.set(Instant.parse("2026-06-30T17:00:01Z")); // a second after local midnight, same batch
        recorder.updated(List.of(board("33", 0.95)));
        recorder.write();
        assertThat(rows()).isEqualTo(2);
        assertThat(store.at(KEY, Instant.parse("2026-06-30T17:00:00Z")))
                .hasValueSatisfying(s -> assertThat(s.board()).isEqualTo(board("01", 0.9)));

        // the same content again (every board is reported after a restart): nothing written
        clock.set(Instant.parse("2026-07-01T03:00:00Z"));
        recorder.updated(List.of(board("33", 0.95)));
        recorder.write();
        SnapshotRecorder restarted = new SnapshotRecorder(store, lease, ticking, PROPERTIES, new SimpleMeterRegistry());
        restarted.updated(List.of(board("33", 0.95)));
        restarted.write();
        assertThat(rows()).isEqualTo(2);

        restarted.updated(List.of(board("33", 0.96)));
        restarted.write();
        assertThat(rows()).isEqualTo(3);
        assertThat(store.latestDigests(List.of(KEY, "nope"))).containsOnlyKeys(KEY);
    }

    @Test
    void onlyTheWriterStoresAndAStandbyStoresWhatChangedWhenItTakesOver() {
        WriterLease standbyLease = new WriterLease(jdbc.getDataSource(), PROPERTIES);
        standbyLease.start();
        try {
            Clock before = Clock.fixed(Instant.parse("2026-06-30T10:00:00Z"), ZoneOffset.UTC);
            Clock after = Clock.fixed(Instant.parse("2026-06-30T10:00:05Z"), ZoneOffset.UTC);
            SnapshotRecorder writer = new SnapshotRecorder(store, lease, before, PROPERTIES, new SimpleMeterRegistry());
            SnapshotRecorder standby =
                    new SnapshotRecorder(store, standbyLease, after, PROPERTIES, new SimpleMeterRegistry());
            for (SnapshotRecorder instance : List.of(writer, standby)) {
                instance.updated(List.of(board("01", 0.9)));
                instance.write();
            }
            assertThat(rows()).isEqualTo(1);
            // the writer dies before it stores the next change, which both instances saw
            for (SnapshotRecorder instance : List.of(writer, standby)) {
                instance.updated(List.of(board("01", 0.8)));
            }
            lease.stop();
            await().atMost(Duration.ofSeconds(10)).until(standbyLease::held);

            standby.write();

            assertThat(rows()).isEqualTo(2);
            assertThat(store.at(KEY, Instant.parse("2030-01-01T00:00:00Z")))
                    .hasValueSatisfying(s -> assertThat(s.board()).isEqualTo(board("01", 0.8)));
        } finally {
            standbyLease.stop();
            lease.start();
            await().atMost(Duration.ofSeconds(10)).until(lease::held);
        }
    }

    private static int rows() {
        return jdbc.queryForObject("select count(*) from leaderboard_snapshot", Integer.class);
    }

    private static void write(Leaderboard board, String at) {
        String content = store.serialize(board);
        store.insert(List.of(new SnapshotStore.Row(board.id(), Instant.parse(at), new byte[] {1}, content)));
    }

    private static Leaderboard board(String first, double value) {
        return new Leaderboard(
                "PROVINCE",
                null,
                "2026-Q2",
                Indicator.ON_TIME_RATE,
                20,
                List.of(new Leaderboard.Entry(1, first, "Tỉnh " + first, value, 100, null, null)),
                List.of(new Leaderboard.Unranked("44", "Tỉnh 44", null, 0, Leaderboard.INSUFFICIENT_VOLUME)));
    }
}
