package vn.dossierstats.dossier.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dossierstats.dossier.Infrastructure;
import vn.dossierstats.dossier.IntegrationTest;

class OutboxRelayIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    java.time.Clock clock;

    @Test
    void aFailedSendLeavesTheRowPending() {
        // the row is written in this transaction, so the application's own relay never sees it
        AtomicInteger attempts = new AtomicInteger();
        KafkaTemplate<String, String> failing =
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafkaBootstrap(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        1000,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class))) {
                    @Override
                    public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                        if (record.topic().equals("no.such.topic")) {
                            attempts.incrementAndGet();
                        }
                        return super.send(record);
                    }
                };
        OutboxRelay relay = new OutboxRelay(jdbc, failing, transaction, meters, clock);
        transaction.executeWithoutResult(status -> {
            // hold the relay lock in this session (it is re-entrant), so the relay under test is the one that runs;
            // the rows are written in this transaction, so the application's own relay never sees them
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(OutboxRelay.RELAY_LOCK)
                    .query()
                    .singleRow();
            jdbc.sql("insert into outbox (topic, record_key, payload) values ('no.such.topic', 'k', '{}')")
                    .update();
            jdbc.sql("insert into outbox (topic, record_key, payload) values ('catalogue.units.v1', 'after', '{}')")
                    .update();
            relay.relayBatch();
            assertThat(attempts.get()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from outbox where record_key in ('k', 'after')")
                            .query(Long.class)
                            .single())
                    .as("the failed row and the row behind it stay pending")
                    .isEqualTo(2);
            status.setRollbackOnly();
        });
        failing.destroy();
    }

    @Test
    void publishedRowsLeaveTheOutbox() {
        put("/api/v1/units/42.888", "{\"name\":\"Xã C\",\"level\":\"COMMUNE\",\"parentCode\":\"42\"}");
        readUntil(Topics.UNITS, r -> r.stream().anyMatch(x -> x.key().equals("42.888")));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from outbox where record_key = '42.888'")
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
