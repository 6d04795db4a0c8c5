package vn.dossierstats.dossier.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.IntegrationTest;

class OutboxMetersIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theAgeOfTheOldestRowIsMeasuredOnTheServiceClock() {
        // older than any row another test leaves pending, so it is the oldest whatever runs alongside
        Instant created = Instant.parse("2000-01-01T00:00:00Z");
        Clock serviceClock = Clock.fixed(created.plusSeconds(42), ZoneOffset.UTC);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new OutboxMeters(jdbc, meters, serviceClock);

        transaction.executeWithoutResult(status -> {
            // written in this transaction: the meters read it on its connection, the application's relay never sees it
            jdbc.sql("insert into outbox (topic, record_key, payload, created_at) values ('t', 'aged', '{}', ?)")
                    .param(Timestamp.from(created))
                    .update();
            assertThat(meters.get("dossier.outbox.oldest.age").gauge().value()).isEqualTo(42.0);
            status.setRollbackOnly();
        });
    }
}
