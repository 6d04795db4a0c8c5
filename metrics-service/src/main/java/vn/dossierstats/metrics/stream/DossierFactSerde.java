package vn.dossierstats.metrics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * The last fact of each dossier in the state store and its changelog, in binary: every fact is read and written
 * there once, and as JSON that was a third of the stream thread's time in the rebuild profile. Strings are a varint
 * length (0 for null, else length + 1) and UTF-8; instants a presence byte, epoch seconds and nanos. Facts written
 * as JSON by earlier versions are still read.
 */
final class DossierFactSerde {

    /**
     * 2 adds the national index's electronic result (flags 8 and 4) and ratings, 3 the procedure code; 1 and 2 are
     * still read.
     */
    private static final byte FORMAT = 3;

    private static final byte FORMAT_WITHOUT_PROCEDURE = 2;

    private static final byte FORMAT_WITHOUT_INDEX = 1;
    private static final String[] RATINGS = {null, "VERY_SATISFIED", "SATISFIED", "DISSATISFIED"};

    private DossierFactSerde() {}

    static Serde<DossierFact> serde() {
        Serializer<DossierFact> serializer = (topic, fact) -> fact == null ? null : write(fact);
        Deserializer<DossierFact> json = JsonSerde.of(DossierFact.class).deserializer();
        Deserializer<DossierFact> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            return read(ByteBuffer.wrap(bytes));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] write(DossierFact f) {
        List<byte[]> strings = new ArrayList<>();
        for (String s : new String[] {
            f.dossierId(), f.unitCode(), f.channel(), f.status(), f.classification(), f.procedureCode()
        }) {
            strings.add(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }
        List<String> path = f.unitPath() == null ? List.of() : f.unitPath();
        List<byte[]> units =
                path.stream().map(u -> u.getBytes(StandardCharsets.UTF_8)).toList();
        List<DossierFact.Rated> ratings = f.ratings();
        int size = 1 + 10 + 5 + 2 + 5 * 16 + 5 + (ratings == null ? 0 : ratings.size() * 17);
        for (byte[] s : strings) {
            size += 5 + (s == null ? 0 : s.length);
        }
        for (byte[] u : units) {
            size += 5 + u.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(FORMAT);
        ByteUtils.writeVarlong(f.sequence(), buffer);
        strings.subList(0, 5).forEach(s -> string(s, buffer));
        ByteUtils.writeVarint(f.unitPath() == null ? -1 : units.size(), buffer);
        units.forEach(u -> string(u, buffer));
        for (Instant instant :
                new Instant[] {f.acceptedAt(), f.receivedAt(), f.overdueSince(), f.endedAt(), f.paidOnlineAt()}) {
            instant(instant, buffer);
        }
        buffer.put((byte)
                ((f.digitized() ? 1 : 0) | (f.feeRequired() ? 2 : 0) | electronicResultFlags(f.electronicResult())));
        ByteUtils.writeVarint(ratings == null ? -1 : ratings.size(), buffer);
        if (ratings != null) {
            for (DossierFact.Rated rated : ratings) {
                instant(rated.at(), buffer);
                buffer.put(ratingCode(rated.rating()));
            }
        }
        string(strings.get(5), buffer);
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static DossierFact read(ByteBuffer buffer) {
        byte format = buffer.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_PROCEDURE && format != FORMAT_WITHOUT_INDEX) {
            throw new org.apache.kafka.common.errors.SerializationException("unknown format " + format);
        }
        long sequence = ByteUtils.readVarlong(buffer);
        String dossierId = string(buffer);
        String unitCode = string(buffer);
        String channel = string(buffer);
        String status = string(buffer);
        String classification = string(buffer);
        int pathSize = ByteUtils.readVarint(buffer);
        List<String> path = null;
        if (pathSize >= 0) {
            path = new ArrayList<>(pathSize);
            for (int i = 0; i < pathSize; i++) {
                path.add(string(buffer));
            }
        }
        Instant acceptedAt = instant(buffer);
        Instant receivedAt = instant(buffer);
        Instant overdueSince = instant(buffer);
        Instant endedAt = instant(buffer);
        Instant paidOnlineAt = instant(buffer);
        byte flags = buffer.get();
        Boolean electronicResult = null;
        List<DossierFact.Rated> ratings = null;
        String procedureCode = null;
        if (format != FORMAT_WITHOUT_INDEX) {
            electronicResult = (flags & 8) == 0 ? null : (flags & 4) != 0;
            int count = ByteUtils.readVarint(buffer);
            if (count >= 0) {
                ratings = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Instant at = instant(buffer);
                    ratings.add(new DossierFact.Rated(at, RATINGS[buffer.get()]));
                }
                ratings = List.copyOf(ratings);
            }
            if (format == FORMAT) {
                procedureCode = string(buffer);
            }
        }
        return new DossierFact(
                dossierId,
                sequence,
                acceptedAt,
                unitCode,
                path == null ? null : List.copyOf(path),
                channel,
                status,
                receivedAt,
                overdueSince,
                endedAt,
                classification,
                (flags & 1) != 0,
                (flags & 2) != 0,
                paidOnlineAt,
                electronicResult,
                ratings,
                procedureCode);
    }

    /** 8: the fact has the field (facts written before it have not), 4: its value. */
    private static int electronicResultFlags(Boolean electronicResult) {
        return electronicResult == null ? 0 : 8 | (electronicResult ? 4 : 0);
    }

    private static byte ratingCode(String rating) {
        for (byte code = 1; code < RATINGS.length; code++) {
            if (RATINGS[code].equals(rating)) {
                return code;
            }
        }
        return 0;
    }

    private static void string(byte[] utf8, ByteBuffer buffer) {
        ByteUtils.writeVarint(utf8 == null ? 0 : utf8.length + 1, buffer);
        if (utf8 != null) {
            buffer.put(utf8);
        }
    }

    private static String string(ByteBuffer buffer) {
        int length = ByteUtils.readVarint(buffer) - 1;
        if (length < 0) {
            return null;
        }
        String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return s;
    }

    private static void instant(Instant instant, ByteBuffer buffer) {
        buffer.put((byte) (instant == null ? 0 : 1));
        if (instant != null) {
            ByteUtils.writeVarlong(instant.getEpochSecond(), buffer);
            ByteUtils.writeVarint(instant.getNano(), buffer);
        }
    }

    private static Instant instant(ByteBuffer buffer) {
        return buffer.get() == 0
                ? null
                : Instant.ofEpochSecond(ByteUtils.readVarlong(buffer), ByteUtils.readVarint(buffer));
    }
}
