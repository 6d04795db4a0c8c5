package vn.dossierstats.metrics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;

/**
 * A {@link Delta} on the repartition topic: a format byte, the acceptance (a flag, epoch seconds and nanos), then
 * each bucket's period key and counts (see {@link CountsSerde}), then each procedure usage's key and its three counts.
 * Records written as JSON or without the usage by earlier versions are still read.
 */
final class DeltaSerde {

    private DeltaSerde() {}

    static Serde<Delta> serde() {
        Serializer<Delta> serializer = (topic, delta) -> {
            if (delta == null) {
                return null;
            }
            Map<byte[], ProcedureUsage> usage = new java.util.LinkedHashMap<>();
            int usageSize = 5;
            for (Map.Entry<String, ProcedureUsage> entry : delta.usage().entrySet()) {
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                usage.put(key, entry.getValue());
                usageSize += 5 + key.length + 3 * 10;
            }
            ByteBuffer buffer = ByteBuffer.allocate(
                    1 + 1 + 10 + 5 + 5 + delta.buckets().size() * (1 + 16 + CountsSerde.MAX_SIZE) + usageSize);
            buffer.put(CountsSerde.FORMAT);
            Instant acceptedAt = delta.acceptedAt();
            buffer.put((byte) (acceptedAt == null ? 0 : 1));
            if (acceptedAt != null) {
                ByteUtils.writeVarlong(acceptedAt.getEpochSecond(), buffer);
                ByteUtils.writeVarint(acceptedAt.getNano(), buffer);
            }
            ByteUtils.writeVarint(delta.buckets().size(), buffer);
            delta.buckets().forEach((period, counts) -> {
                byte[] key = period.getBytes(StandardCharsets.US_ASCII);
                if (key.length > 16) {
                    throw new IllegalArgumentException("not a period key: " + period);
                }
                buffer.put((byte) key.length);
                buffer.put(key);
                CountsSerde.write(counts, buffer);
            });
            ByteUtils.writeVarint(usage.size(), buffer);
            usage.forEach((key, used) -> {
                ByteUtils.writeVarint(key.length, buffer);
                buffer.put(key);
                ByteUtils.writeVarlong(used.received(), buffer);
                ByteUtils.writeVarlong(used.online(), buffer);
                ByteUtils.writeVarlong(used.paidOnline(), buffer);
            });
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        };
        Deserializer<Delta> json = JsonSerde.of(Delta.class).deserializer();
        Deserializer<Delta> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            // deltas in flight across an upgrade are in the older format
            byte format = buffer.get();
            if (format != CountsSerde.FORMAT_WITHOUT_INDEX) {
                CountsSerde.requireFormat(format);
            }
            Instant acceptedAt = buffer.get() == 0
                    ? null
                    : Instant.ofEpochSecond(ByteUtils.readVarlong(buffer), ByteUtils.readVarint(buffer));
            int size = ByteUtils.readVarint(buffer);
            Map<String, Counts> buckets = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                byte[] key = new byte[buffer.get()];
                buffer.get(key);
                buckets.put(new String(key, StandardCharsets.US_ASCII), CountsSerde.read(buffer, format));
            }
            // deltas in flight across an upgrade end here
            Map<String, ProcedureUsage> usage = new HashMap<>();
            if (buffer.hasRemaining()) {
                int entries = ByteUtils.readVarint(buffer);
                for (int i = 0; i < entries; i++) {
                    int length = ByteUtils.readVarint(buffer);
                    String key = new String(bytes, buffer.position(), length, StandardCharsets.UTF_8);
                    buffer.position(buffer.position() + length);
                    usage.put(
                            key,
                            new ProcedureUsage(
                                    ByteUtils.readVarlong(buffer),
                                    ByteUtils.readVarlong(buffer),
                                    ByteUtils.readVarlong(buffer)));
                }
            }
            return new Delta(buckets, usage, acceptedAt);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
