package vn.dossierstats.ranking.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.SharedPostgres;

/** Two instances' leases on one real PostgreSQL: one writer at a time, and a takeover within seconds. */
class WriterLeaseIT {

    private static final RankingProperties PROPERTIES = new RankingProperties(
            null, null, null, null, null, null, null, null, null, null, null, null, Duration.ofMillis(100));
    /** The bound this test states for a takeover: a few check intervals, and the database noticing. */
    private static final Duration TAKEOVER = Duration.ofSeconds(5);

    private static DriverManagerDataSource dataSource;
    private WriterLease first;
    private WriterLease second;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource(SharedPostgres.jdbcUrl("writer_lease_it"), "postgres", "");
    }

    @AfterEach
    void stop() {
        for (WriterLease lease : new WriterLease[] {first, second}) {
            if (lease != null && lease.isRunning()) {
                lease.stop();
            }
        }
    }

    @Test
    void exactlyOneOfTwoInstancesWritesAndTheOtherTakesOverWhenItStops() {
        first = started();
        await().atMost(TAKEOVER).until(first::held);
        second = started();
        // the second has checked several times meanwhile, and never took the lease
        await().during(Duration.ofMillis(500)).atMost(TAKEOVER).until(() -> first.held() && !second.held());

        first.stop();

        assertThat(first.held()).isFalse();
        await().atMost(TAKEOVER).until(second::held);
        assertThat(second.term()).isEqualTo(1);
    }

    @Test
    void aWriterCutOffFromTheDatabaseStepsDownAndTheStandbyTakesOver() {
        CuttableDataSource cuttable = new CuttableDataSource();
        first = new WriterLease(cuttable, PROPERTIES);
        first.start();
        await().atMost(TAKEOVER).until(first::held);
        second = started();

        // what PostgreSQL sees when the writer's process dies or its network goes: the session ends, the lock with it
        cuttable.cut = true;
        new JdbcTemplate(dataSource)
                .queryForList(
                        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = ?"
                                + " and database = (select oid from pg_database where datname = current_database())",
                        WriterLease.LOCK & 0xFFFFFFFFL);

        await().atMost(TAKEOVER).until(() -> second.held() && !first.held());
        // back in touch, the first stands by: the lease stays where it is
        cuttable.cut = false;
        await().during(Duration.ofMillis(500)).atMost(TAKEOVER).until(() -> second.held() && !first.held());
    }

    /** The test database, until it is cut off: then no new connection can be made, as from a dead process. */
    private static final class CuttableDataSource extends DriverManagerDataSource {
        volatile boolean cut;

        CuttableDataSource() {
            super(dataSource.getUrl(), "postgres", "");
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("cut off");
            }
            return super.getConnection();
        }
    }

    private static WriterLease started() {
        WriterLease lease = new WriterLease(dataSource, PROPERTIES);
        lease.start();
        return lease;
    }
}
