package vn.dossierstats.metrics.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dossierstats.metrics.report.Report;

class ProvinceFiguresTest {

    @Test
    void aProvinceReportBecomesOneValuePerClassificationAndChannelAndNoRateBeforeAnyEnd() {
        Report report = new Report(
                "33",
                "Tỉnh Hưng Yên",
                "PROVINCE",
                "2026-11",
                null,
                null,
                null,
                new Report.Received(4, 10, 6, 3, 1, 14),
                new Report.Ended(5, 3, 2, 10),
                new Report.InProgress(3, 1, 4),
                0.8,
                14.29,
                0.6,
                1.0,
                null);

        ProvinceFigures figures = ProvinceFigures.of(report);

        assertThat(figures.code()).isEqualTo("33");
        assertThat(figures.onTimeRate()).isEqualTo(0.8);
        assertThat(figures.overdue()).isEqualTo(1);
        assertThat(figures.inProgress()).isEqualTo(4);
        assertThat(figures.ended())
                .containsEntry("EARLY", 5L)
                .containsEntry("ON_TIME", 3L)
                .containsEntry("LATE", 2L);
        assertThat(figures.received())
                .containsEntry("ONLINE", 6L)
                .containsEntry("DIRECT", 3L)
                .containsEntry("POSTAL", 1L);

        Report nothingEnded = new Report(
                "34",
                null,
                "PROVINCE",
                "2026-11",
                null,
                null,
                null,
                new Report.Received(0, 1, 1, 0, 0, 1),
                new Report.Ended(0, 0, 0, 0),
                new Report.InProgress(1, 0, 1),
                null,
                20.0,
                1.0,
                0.0,
                null);
        assertThat(ProvinceFigures.of(nothingEnded).onTimeRate()).isNull();
        assertThat(ProvinceFigures.of(nothingEnded).name()).isEqualTo("34");
    }
}
