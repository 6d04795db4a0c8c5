package vn.dossierstats.dossier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real PostgreSQL and one real KRaft broker for the whole test JVM, started on first use. */
public final class Infrastructure {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    private Infrastructure() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                    connection.createStatement().execute("create database dossier");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "dossier");
    }

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperties(Map.of(
                    "auto.create.topics.enable", "false",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            kafka.afterPropertiesSet();
        }
        return kafka.getBrokersAsString();
    }
}
