package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.report.Counts;

class CountsSerdeTest {

    private final org.apache.kafka.common.serialization.Serde<Counts> serde = CountsSerde.serde();

    @Property(tries = 200)
    void anyCountsSurviveTheRoundTrip(
            @ForAll long a, @ForAll long b, @ForAll int c, @ForAll short d, @ForAll byte e, @ForAll long f) {
        Counts counts = new Counts(a, b, c, d, e, f, -a, -b, -c, 0, Long.MIN_VALUE, Long.MAX_VALUE);

        byte[] bytes = serde.serializer().serialize("t", counts);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(counts);
    }

    @Test
    void smallCountsTakeAByteEach() {
        byte[] bytes = serde.serializer().serialize("t", new Counts(1, 1, 0, 0, 1, 0, 0, 0, 1, 0, -1, 1));

        assertThat(bytes).hasSize(1 + 15);
    }

    @Test
    void countsWrittenAsJsonBeforeTheIndexAreReadWithTheIndexCountsZero() {
        String json = "{\"receivedNew\":3,\"online\":1,\"direct\":2,\"postal\":0,\"digitized\":2,\"feeRequired\":1,"
                + "\"paidOnline\":1,\"early\":1,\"onTime\":1,\"late\":0,\"openDelta\":1,\"overdueDelta\":-1}";

        assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Counts(3, 1, 2, 0, 2, 1, 1, 1, 1, 0, 1, -1));
    }

    @Test
    void theNationalIndexCountsSurviveTheRoundTrip() {
        Counts counts = new Counts(1, 1, 0, 0, 1, 0, 0, 0, 1, 0, -1, 1, 2, -3, 4);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", counts)))
                .isEqualTo(counts);
    }

    @Test
    void countsOfTheFormatBeforeTheIndexAreReadWithTheIndexCountsZero() {
        Counts report = new Counts(3, 1, 2, 0, 2, 1, 1, 1, 1, 0, 1, -1);
        byte[] current = serde.serializer().serialize("t", report);
        // format 1: the same twelve varlongs without the index's three
        byte[] older = java.util.Arrays.copyOf(current, current.length - 3);
        older[0] = CountsSerde.FORMAT_WITHOUT_INDEX;

        assertThat(serde.deserializer().deserialize("t", older)).isEqualTo(report);
    }

    @Test
    void countsWrittenAsJsonByEarlierVersionsAreStillRead() {
        Counts counts = new Counts(3, 1, 2, 0, 2, 1, 1, 1, 1, 0, 1, -1);
        byte[] json = JsonSerde.JSON.writeValueAsString(counts).getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(counts);
    }

    @Test
    void deltasSurviveTheRoundTripWithAndWithoutAnAcceptance() {
        var serde = DeltaSerde.serde();
        Counts counts = new Counts(1, 1, 0, 0, 1, 0, 0, 0, 1, 0, -1, 1);
        for (Delta delta : new Delta[] {
            new Delta(
                    java.util.Map.of("2026-07-20", counts, "2026-07", counts, "2026-Q3", counts, "2026", counts),
                    java.time.Instant.parse("2026-07-20T03:00:00.123456789Z")),
            new Delta(java.util.Map.of("2026", counts.negate()), null),
            new Delta(
                    java.util.Map.of("2026", counts),
                    java.util.Map.of(
                            "2026|H26.30|1.004227",
                            new vn.dossierstats.metrics.index.ProcedureUsage(1, 1, 0),
                            "2026-07|Xã Phù Cừ|1.0",
                            new vn.dossierstats.metrics.index.ProcedureUsage(-1, 0, -1)),
                    null)
        }) {
            byte[] bytes = serde.serializer().serialize("t", delta);
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(delta);
            byte[] json = JsonSerde.JSON.writeValueAsString(delta).getBytes(StandardCharsets.UTF_8);
            assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(delta);
        }
    }
}
