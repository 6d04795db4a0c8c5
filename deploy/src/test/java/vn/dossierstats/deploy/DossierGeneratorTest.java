package vn.dossierstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DossierGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-18T03:00:00Z");

    @Test
    void phuCuHasTheSeedArticlesSharesOnlineDigitisedAndPaidOnline() {
        DossierGenerator generator = new DossierGenerator(new Random(7), true);
        int dossiers = 20_000, online = 0, digitized = 0, paid = 0, paidOnline = 0, resolved = 0, electronic = 0;
        for (int i = 0; i < dossiers; i++) {
            List<String> events = generator.dossier("33.C01", NOW);
            assertThat(events.getFirst()).contains("\"type\":\"RECEIVED\"");
            online += events.getFirst().contains("\"channel\":\"ONLINE\"") ? 1 : 0;
            digitized += events.getFirst().contains("\"digitized\":true") ? 1 : 0;
            for (String event : events) {
                if (event.contains("\"type\":\"PAID\"")) {
                    paid++;
                    paidOnline += event.contains("\"paymentChannel\":\"ONLINE\"") ? 1 : 0;
                }
                if (event.contains("\"type\":\"RESOLVED\"")) {
                    resolved++;
                    electronic += event.contains("\"electronicResult\":true") ? 1 : 0;
                }
            }
        }
        assertThat(online / (double) dossiers).isCloseTo(0.999, within(0.002));
        assertThat(digitized / (double) dossiers).isCloseTo(0.959, within(0.01));
        assertThat(paidOnline / (double) paid).isCloseTo(0.90, within(0.015));
        assertThat(electronic / (double) resolved).isCloseTo(0.85, within(0.015));
    }

    @Test
    void aFeeIsRequiredExactlyWhereTheProcedureChargesOneAndPaidBeforeTheEnd() {
        DossierGenerator generator = new DossierGenerator(new Random(11), true);
        for (int i = 0; i < 2_000; i++) {
            List<String> events = generator.dossier(NOW);
            boolean fee = events.getFirst().contains("\"feeRequired\":true");
            assertThat(events.stream().anyMatch(e -> e.contains("\"type\":\"PAID\"")))
                    .isEqualTo(fee);
            // nothing after now, and in the order the dossier's history allows
            for (String event : events) {
                String at = event.replaceAll(".*\"occurredAt\":\"([^\"]+)\".*", "$1");
                assertThat(java.time.OffsetDateTime.parse(at).toInstant()).isBeforeOrEqualTo(NOW);
            }
        }
    }

    @Test
    void withoutPaymentsAndRatingsADossierIsAtMostItsReceiptAndItsEnd() {
        DossierGenerator generator = new DossierGenerator(new Random(3));
        for (int i = 0; i < 2_000; i++) {
            assertThat(generator.dossier(NOW)).hasSizeLessThanOrEqualTo(2);
        }
    }
}
