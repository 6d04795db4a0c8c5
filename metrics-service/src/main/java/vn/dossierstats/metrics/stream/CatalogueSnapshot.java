package vn.dossierstats.metrics.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.dossierstats.metrics.index.ProcedureCounts;
import vn.dossierstats.unitstats.Territories;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * The catalogue as it stands at the end of its compacted topics, read with a plain consumer: what the bulk rebuild
 * publishes the running periods' index counts with, before Kafka Streams holds the catalogue's global stores.
 */
record CatalogueSnapshot(
        Map<String, UnitRecord> units,
        Map<String, ProcedureRecord> procedures,
        Map<String, UnitProceduresRecord> assignments) {

    private static final Duration STALL = Duration.ofMinutes(1);

    static CatalogueSnapshot read(KafkaConsumer<byte[], byte[]> consumer) {
        return new CatalogueSnapshot(
                latest(consumer, Topics.UNITS, JsonSerde.of(UnitRecord.class).deserializer()),
                latest(
                        consumer,
                        Topics.PROCEDURES,
                        JsonSerde.of(ProcedureRecord.class).deserializer()),
                latest(
                        consumer,
                        Topics.UNIT_PROCEDURES,
                        JsonSerde.of(UnitProceduresRecord.class).deserializer()));
    }

    Territories territories() {
        List<UnitSpan> spans = units.values().stream().map(UnitRecord::span).toList();
        return new Territories(spans);
    }

    List<String> assigned(String unit) {
        UnitProceduresRecord record = assignments.get(unit);
        return record == null ? List.of() : record.procedures();
    }

    ProcedureCounts.Traits traits(String procedure) {
        ProcedureRecord record = procedures.get(procedure);
        return record == null ? ProcedureCounts.Traits.NONE : record.traits();
    }

    /** The latest value of every key of a compacted topic, up to its end now (a tombstone removes the key). */
    private static <V> Map<String, V> latest(
            KafkaConsumer<byte[], byte[]> consumer, String topic, Deserializer<V> values) {
        StringDeserializer keys = new StringDeserializer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<String, V> latest = new HashMap<>();
        long deadline = System.nanoTime() + STALL.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + STALL);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null
                        || record.offset() >= ends.get(new TopicPartition(topic, record.partition()))) {
                    continue;
                }
                String key = keys.deserialize(topic, record.key());
                if (record.value() == null) {
                    latest.remove(key);
                } else {
                    latest.put(key, values.deserialize(topic, record.value()));
                }
            }
        }
        return latest;
    }
}
