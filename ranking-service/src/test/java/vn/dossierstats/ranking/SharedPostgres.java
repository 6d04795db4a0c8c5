package vn.dossierstats.ranking;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** The one embedded PostgreSQL of the test JVM, started on first use; a database of its own per test class. */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;
    private static final Set<String> DATABASES = new HashSet<>();

    private SharedPostgres() {}

    public static synchronized String jdbcUrl(String database) {
        try {
            if (postgres == null) {
                // stopped by its own shutdown hook
                postgres = EmbeddedPostgres.builder().start();
            }
            if (DATABASES.add(database)) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                    connection.createStatement().execute("create database " + database);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }
}
