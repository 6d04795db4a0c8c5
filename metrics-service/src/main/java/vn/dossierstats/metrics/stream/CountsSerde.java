package vn.dossierstats.metrics.stream;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;
import vn.dossierstats.metrics.report.Counts;

/**
 * Bucket counts in the state store and its changelog: a format byte and fifteen zig-zag varlongs (mostly one byte
 * each). Every fact reads and writes a dozen buckets, so this is the hot serde; JSON cost ten times as much. Values
 * written by earlier versions are still read: as JSON (they start with '{'), or in format 1 (the first twelve counts,
 * before the national index's three).
 */
final class CountsSerde {

    static final byte FORMAT = 2;
    /** The period report's twelve counts only. */
    static final byte FORMAT_WITHOUT_INDEX = 1;
    /** The most bytes fifteen varlongs take. */
    static final int MAX_SIZE = 15 * 10;

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
            byte format = buffer.get();
            if (format != FORMAT_WITHOUT_INDEX) {
                requireFormat(format);
            }
            return read(buffer, format);
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
            c.overdueDelta(),
            c.electronicResult(),
            c.dissatisfied(),
            c.digitizedOpenDelta()
        }) {
            ByteUtils.writeVarlong(value, buffer);
        }
    }

    static Counts read(ByteBuffer buffer) {
        return read(buffer, FORMAT);
    }

    /** Counts written in {@code format}: FORMAT, or FORMAT_WITHOUT_INDEX (the index's counts then 0). */
    static Counts read(ByteBuffer buffer, byte format) {
        Counts report = readWithoutIndex(buffer);
        if (format == FORMAT_WITHOUT_INDEX) {
            return report;
        }
        return report.plus(new Counts(
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer),
                ByteUtils.readVarlong(buffer)));
    }

    private static Counts readWithoutIndex(ByteBuffer buffer) {
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
