package vn.dossierstats.metrics.stream;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;
import vn.dossierstats.metrics.report.Counts;

/**
 * Bucket counts in the state store and its changelog: a format byte and twelve zig-zag varlongs (mostly one byte
 * each). Every fact reads and writes a dozen buckets, so this is the hot serde; JSON cost ten times as much. Values
 * written as JSON by earlier versions (they start with '{') are still read.
 */
final class CountsSerde {

    static final byte FORMAT = 1;
    /** The most bytes twelve varlongs take. */
    static final int MAX_SIZE = 12 * 10;

    private CountsSerde() {}

    static Serde<Counts> serde() {
        Serializer<Counts> serializer = (topic, counts) -> {
            if (counts == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 + MAX_SIZE);
            buffer.put(FORMAT);
            write(counts, buffer);
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        };
        Deserializer<Counts> json = JsonSerde.of(Counts.class).deserializer();
        Deserializer<Counts> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            requireFormat(buffer.get());
            return read(buffer);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static void write(Counts c, ByteBuffer buffer) {
        for (long value : new long[] {
            c.receivedNew(),
            c.online(),
            c.direct(),
            c.postal(),
            c.digitized(),
            c.feeRequired(),
            c.paidOnline(),
            c.early(),
            c.onTime(),
            c.late(),
            c.openDelta(),
            c.overdueDelta()
        }) {
            ByteUtils.writeVarlong(value, buffer);
        }
    }

    static Counts read(ByteBuffer buffer) {
        return new Counts(
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer));
    }

    static void requireFormat(byte format) {
        if (format != FORMAT) {
            throw new org.apache.kafka.common.errors.SerializationException("unknown format " + format);
        }
    }
}
