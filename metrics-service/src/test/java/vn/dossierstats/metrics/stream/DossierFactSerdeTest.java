package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DossierFactSerdeTest {

    private final Serde<DossierFact> serde = DossierFactSerde.serde();

    @Test
    void aCompleteFactSurvivesTheRoundTrip() {
        DossierFact fact = new DossierFact(
                "D-Hà Nội-1",
                42,
                Instant.parse("2026-07-20T03:00:00.123456789Z"),
                "01.C01",
                List.of("01", "01.C01"),
                "ONLINE",
                "RESOLVED",
                Instant.parse("2026-07-01T01:00:00Z"),
                Instant.parse("2026-07-10T10:00:00Z"),
                Instant.parse("2026-07-20T02:59:59Z"),
                "LATE",
                true,
                true,
                Instant.parse("2026-07-02T00:00:00Z"));

        assertThat(roundTrip(fact)).isEqualTo(fact);
    }

    @Test
    void absentFieldsStayAbsent() {
        DossierFact fact =
                new DossierFact("D2", 1, null, null, null, null, "OPEN", null, null, null, null, false, false, null);

        assertThat(roundTrip(fact)).isEqualTo(fact);
        DossierFact emptyPath = new DossierFact(
                "D3", 1, null, "X", List.of(), "DIRECT", "OPEN", null, null, null, null, false, true, null);
        assertThat(roundTrip(emptyPath)).isEqualTo(emptyPath);
    }

    @Test
    void factsWrittenAsJsonByEarlierVersionsAreStillRead() {
        DossierFact fact = new DossierFact(
                "D4",
                3,
                Instant.parse("2026-07-20T03:00:00Z"),
                "01.C01",
                List.of("01", "01.C01"),
                "POSTAL",
                "OPEN",
                Instant.parse("2026-07-01T01:00:00Z"),
                null,
                null,
                null,
                true,
                false,
                null);
        byte[] json = JsonSerde.JSON.writeValueAsString(fact).getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(fact);
    }

    private DossierFact roundTrip(DossierFact fact) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", fact));
    }
}
