package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FastInstantsTest {

    @Test
    void everyInstantInTheCommonFormReadsAsInstantParseReadsIt() {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 5_000_000_000L));
            String text = instant.toString(); // ...:ssZ
            int digits = random.nextInt(10);
            if (digits > 0) {
                StringBuilder fraction = new StringBuilder(".");
                for (int d = 0; d < digits; d++) {
                    fraction.append(random.nextInt(10));
                }
                text = text.substring(0, text.length() - 1) + fraction + "Z";
            }
            assertThat(FastInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherFormsAreLeftToJacksonAndReadTheSame() {
        for (String text : List.of(
                "2026-07-06T08:00:00+07:00",
                "2026-07-06T01:00:00.Z",
                "2026-07-06T01:00:00.1234567890Z",
                "2026-02-30T01:00:00Z",
                "2026-07-06T24:00:00Z",
                "2026-07-06t01:00:00Z",
                "+12026-07-06T01:00:00Z",
                "2026-7-06T01:00:00Z")) {
            assertThat(FastInstants.parse(text)).as(text).isNull();
        }
        JsonMapper fast =
                JsonSerde.JSON.rebuild().addModule(FastInstants.module()).build();
        for (String value : List.of(
                "\"2026-07-06T01:00:00Z\"",
                "\"2026-07-06T01:00:00.120Z\"",
                "\"2026-07-06T08:00:00+07:00\"",
                "1783296000",
                "1783296000.5",
                "null")) {
            String json =
                    "{\"dossierId\":\"D\",\"sequence\":1,\"digitized\":false,\"feeRequired\":false,\"receivedAt\":"
                            + value + "}";
            assertThat(fast.readValue(json, DossierFact.class))
                    .as(value)
                    .isEqualTo(JsonSerde.JSON.readValue(json, DossierFact.class));
        }
    }
}
