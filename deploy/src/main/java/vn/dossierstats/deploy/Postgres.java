package vn.dossierstats.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL server from the binaries on Maven Central, with one database per service. */
final class Postgres {

    static final List<String> DATABASES = List.of("dossier", "ranking");

    private final EmbeddedPostgres server;
    private final Path dir;

    private Postgres(EmbeddedPostgres server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    static Postgres start(Path dataDir, int port) throws IOException, SQLException {
        Path dir = dataDir.resolve("postgres");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                // durable, as any production PostgreSQL: the embedded defaults (-F, synchronous_commit=off) answer a
                // commit before its write-ahead log is written, and a crash then loses events a source was told were
                // stored (the chaos run's SIGKILL of PostgreSQL lost three so)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet found =
                        statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!found.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        }
        return new Postgres(server, dir);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /** The postmaster (its backends are its children), from the pid file of the data directory. */
    java.util.Optional<ProcessHandle> handle() {
        try {
            String pid =
                    Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().trim();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    int port() {
        return server.getPort();
    }

    void stop() throws IOException {
        server.close();
    }
}
