package vn.dossierstats.unitstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodCountsTest {

    @Test
    void theCountsOfDisjointDossiersAddFieldByFieldTheIndexCountsIncluded() {
        PeriodCounts a = new PeriodCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        PeriodCounts b =
                new PeriodCounts(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600);

        assertThat(a.plus(b))
                .isEqualTo(new PeriodCounts(
                        101, 202, 303, 404, 505, 606, 707, 808, 909, 1010, 1111, 1212, 1313, 1414, 1515, 1616));
        assertThat(PeriodCounts.ZERO.plus(a)).isEqualTo(a);
    }
}
