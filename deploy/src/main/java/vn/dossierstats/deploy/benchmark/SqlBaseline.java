package vn.dossierstats.deploy.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status quo: a province's report and the province leaderboard computed on demand with SQL over a table of
 * dossiers, in the same PostgreSQL. The table holds the same data as the platform: it is derived from
 * dossier-service's latest fact of every dossier, with the indexes a province's reporting database would have.
 */
final class SqlBaseline implements AutoCloseable {

    private static final String REPORT = """
            select count(*) filter (where received_at < ? and (ended_at is null or ended_at >= ?)) as carried_over,
                   count(*) filter (where received_at >= ?) as received_new,
                   count(*) filter (where received_at >= ? and channel = 'ONLINE') as online,
                   count(*) filter (where ended_at >= ? and ended_at < ? and classification = 'EARLY') as early,
                   count(*) filter (where ended_at >= ? and ended_at < ? and classification = 'ON_TIME') as on_time,
                   count(*) filter (where ended_at >= ? and ended_at < ? and classification = 'LATE') as late,
                   count(*) filter (where (ended_at is null or ended_at >= ?)
                                      and (overdue_since is null or overdue_since >= ?)) as within_deadline,
                   count(*) filter (where (ended_at is null or ended_at >= ?) and overdue_since < ?) as overdue
              from baseline_dossier
             where province_code = ? and received_at < ? and (ended_at is null or ended_at >= ?)""";

    private static final String LEADERBOARD = """
            select province_code, in_time::numeric / ended as on_time_rate, ended as volume,
                   rank() over (order by round(in_time::numeric / ended, 4) desc) as rank
              from (select province_code,
                           count(*) filter (where classification in ('EARLY', 'ON_TIME')) as in_time,
                           count(*) as ended
                      from baseline_dossier
                     where ended_at >= ? and ended_at < ?
                     group by province_code) per_province
             where ended >= 20
             order by rank, volume desc, province_code""";

    private final Connection connection;

    SqlBaseline(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    /** Builds the dossiers table from the system of record; returns its row count. */
    long prepare() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists baseline_dossier");
            statement.execute("""
                    create table baseline_dossier as
                    select dossier_id,
                           f ->> 'unitCode' as unit_code,
                           f -> 'unitPath' ->> 0 as province_code,
                           f ->> 'channel' as channel,
                           (f ->> 'receivedAt')::timestamptz as received_at,
                           (f ->> 'endedAt')::timestamptz as ended_at,
                           (f ->> 'overdueSince')::timestamptz as overdue_since,
                           f ->> 'classification' as classification
                      from (select dossier_id, last_fact::jsonb as f from dossier where last_fact is not null) facts
                     where f ->> 'status' not in ('REFUSED', 'PENDING') and f ->> 'receivedAt' is not null""");
            statement.execute("create index on baseline_dossier (province_code, received_at)");
            statement.execute("create index on baseline_dossier (ended_at)");
            statement.execute("analyze baseline_dossier");
            try (ResultSet rows = statement.executeQuery("select count(*) from baseline_dossier")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The report counts of a province for [from, to): carried over, new, online, early, on time, late, ... */
    long[] report(String province, Instant from, Instant to) throws SQLException {
        Timestamp s = Timestamp.from(from);
        Timestamp e = Timestamp.from(to);
        try (PreparedStatement query = connection.prepareStatement(REPORT)) {
            Object[] parameters = {s, s, s, s, s, e, s, e, s, e, e, e, e, e, province, e, s};
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long[] counts = new long[8];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = row.getLong(i + 1);
                }
                return counts;
            }
        }
    }

    /** The ranked province codes by on-time rate for [from, to). */
    List<String> leaderboard(Instant from, Instant to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LEADERBOARD)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            List<String> ranked = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ranked.add(rows.getString(1));
                }
            }
            return ranked;
        }
    }

    /** Runs a query {@code times} times (after one warm-up) and returns the durations. */
    static List<Duration> time(int times, SqlCall call) throws SQLException {
        call.run();
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            durations.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return durations;
    }

    @FunctionalInterface
    interface SqlCall {
        void run() throws SQLException;
    }

    String serverVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show server_version")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
