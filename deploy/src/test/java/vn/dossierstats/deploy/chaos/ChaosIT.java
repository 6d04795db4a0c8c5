package vn.dossierstats.deploy.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.deploy.EmbeddedPlatform;
import vn.dossierstats.deploy.PlatformOptions;

/**
 * The short version of {@code deploy/chaos} (docs/reliability.md): three faults under a small load — dossier-service
 * killed, the broker killed, PostgreSQL stopped — each followed by the full check of everything the sources were
 * answered so far. Fails on any event lost, doubled or refused, any figure that does not come right within
 * {@link ChaosRun#SETTLE_WITHIN}, and any answer during a fault other than 503/504 with Retry-After (or no answer).
 */
class ChaosIT {

    @Test
    void killingTheSystemOfRecordAndTheBrokerAndStoppingTheDatabaseUnderLoadLosesAndDoublesNothing() throws Exception {
        List<Fault> faults = List.of(
                Fault.named("kill-dossier-service"),
                Fault.named("kill-kafka"),
                Fault.named("stop-postgres-30s").lasting(Duration.ofSeconds(10)));
        List<ChaosRun.Row> rows;
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(PlatformOptions.forTests("chaos-it"))) {
            rows = new ChaosRun(platform, 15, Duration.ofSeconds(4), Duration.ofSeconds(4), System.out).run(faults);
        }
        System.out.println(ChaosTable.table(rows));

        assertThat(rows).hasSize(3).allSatisfy(row -> {
            String fault = row.fault().name() + ": " + row.result().first() + " " + row.examples();
            assertThat(row.stored())
                    .as(fault + " (events stored in the window)")
                    .isPositive();
            assertThat(row.result().lost()).as(fault).isZero();
            assertThat(row.result().doubled()).as(fault).isZero();
            assertThat(row.result().wrongFigures()).as(fault).isZero();
            assertThat(row.result().refused()).as(fault).isZero();
            assertThat(row.improper())
                    .as(fault + " (answers other than 503/504 with Retry-After)")
                    .isZero();
            assertThat(row.settled())
                    .as(fault + " (every figure right within the bound)")
                    .isNotNull();
        });
    }
}
