package vn.dossierstats.dossier.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and deletes only what the broker acknowledged. A failed send stops the
 * batch there: the row and everything after it stay for the next attempt, so per-key order holds. One relay runs at a
 * time across instances (a transaction-scoped advisory lock).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final long RELAY_LOCK = 0x0B0C5L;
    private static final int BATCH = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    record Row(long id, String topic, String key, String payload, String traceParent) {}

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transaction;
    private final OutboxMeters outboxMeters;

    OutboxRelay(
            JdbcClient jdbc,
            KafkaTemplate<String, String> kafka,
            TransactionTemplate transaction,
            MeterRegistry meters,
            Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = transaction;
        this.outboxMeters = new OutboxMeters(jdbc, meters, clock);
    }

    @Scheduled(fixedDelayString = "${dossier.outbox-poll-interval}")
    public void relay() {
        try {
            while (Boolean.TRUE.equals(transaction.execute(status -> relayBatch()))) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay failed; rows stay pending and are retried: {}", e.toString());
        }
    }

    /** @return whether a full batch was published (more may wait) */
    boolean relayBatch() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(RELAY_LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return false;
        }
        List<Row> rows = jdbc.sql("select id, topic, record_key, payload, trace_parent from outbox order by id limit ?")
                .param(BATCH)
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                sends.add(kafka.send(record(row)));
            } catch (RuntimeException e) {
                // e.g. no metadata for the topic: the send failed before it started; later rows must wait behind it
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        Long[] published = acknowledgedPrefix(rows, sends);
        if (published.length > 0) {
            // exactly the acknowledged ids: a row of a transaction that commits meanwhile may have a lower id
            jdbc.sql("delete from outbox where id = any(?)").param(published).update();
            rows.subList(0, published.length).forEach(row -> outboxMeters.published(row.topic(), 1));
        }
        return published.length == BATCH;
    }

    /** The record of a row, with the trace of the request that wrote it (W3C traceparent header). */
    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        if (row.traceParent() != null) {
            record.headers().add(TraceParents.HEADER, row.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** The ids of the longest prefix of rows the broker acknowledged. */
    private static Long[] acknowledgedPrefix(List<Row> rows, List<CompletableFuture<?>> sends) {
        List<Long> acknowledged = new ArrayList<>(rows.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                log.warn(
                        "Publishing outbox row {} failed; it stays pending: {}",
                        rows.get(i).id(),
                        e.toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged.toArray(Long[]::new);
    }
}
