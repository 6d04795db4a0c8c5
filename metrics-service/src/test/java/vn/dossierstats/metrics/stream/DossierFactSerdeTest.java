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
    void theNationalIndexFieldsSurviveTheRoundTrip() {
        for (Boolean electronic : new Boolean[] {null, false, true}) {
            DossierFact fact = new DossierFact(
                    "D-index",
                    3,
                    Instant.parse("2026-07-20T03:00:00Z"),
                    "01.C01",
                    List.of("01", "01.C01"),
                    "ONLINE",
                    "RESULT_RETURNED",
                    Instant.parse("2026-07-01T01:00:00Z"),
                    null,
                    Instant.parse("2026-07-05T02:00:00Z"),
                    "EARLY",
                    false,
                    false,
                    null,
                    electronic,
                    List.of(
                            new DossierFact.Rated(Instant.parse("2026-07-06T02:00:00Z"), "DISSATISFIED"),
                            new DossierFact.Rated(Instant.parse("2026-08-01T02:00:00.5Z"), "VERY_SATISFIED")));

            assertThat(roundTrip(fact)).isEqualTo(fact);
        }
    }

    @Test
    void aFactOfTheFormatBeforeTheIndexIsStillRead() {
        DossierFact fact = new DossierFact(
                "D5", 1, null, "X", List.of("X"), "DIRECT", "OPEN", null, null, null, null, true, false, null);
        byte[] current = serde.serializer().serialize("t", fact);
        // format 1 ended with the flags byte: no "has electronic result" bit, no ratings count, no procedure
        byte[] older = java.util.Arrays.copyOf(current, current.length - 2);
        older[0] = 1;

        assertThat(serde.deserializer().deserialize("t", older)).isEqualTo(fact);
    }

    @Test
    void theProcedureSurvivesTheRoundTripAndAFactOfTheFormatBeforeItReadsWithout() {
        DossierFact fact = new DossierFact(
                "D6",
                2,
                Instant.parse("2026-07-20T03:00:00Z"),
                "X",
                List.of("X"),
                "ONLINE",
                "OPEN",
                Instant.parse("2026-07-01T01:00:00Z"),
                null,
                null,
                null,
                false,
                true,
                Instant.parse("2026-07-02T01:00:00Z"),
                null,
                List.of(),
                "1.004227");
        assertThat(roundTrip(fact)).isEqualTo(fact);

        byte[] withoutProcedure = serde.serializer().serialize("t", withoutProcedure(fact));
        // format 2 ended with the ratings: the same bytes without the procedure's length byte
        byte[] older = java.util.Arrays.copyOf(withoutProcedure, withoutProcedure.length - 1);
        older[0] = 2;
        assertThat(serde.deserializer().deserialize("t", older)).isEqualTo(withoutProcedure(fact));
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

    /** The same fact as a version before procedure codes kept it. */
    private static DossierFact withoutProcedure(DossierFact f) {
        return new DossierFact(
                f.dossierId(),
                f.sequence(),
                f.acceptedAt(),
                f.unitCode(),
                f.unitPath(),
                f.channel(),
                f.status(),
                f.receivedAt(),
                f.overdueSince(),
                f.endedAt(),
                f.classification(),
                f.digitized(),
                f.feeRequired(),
                f.paidOnlineAt(),
                f.electronicResult(),
                f.ratings());
    }

    private DossierFact roundTrip(DossierFact fact) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", fact));
    }
}
