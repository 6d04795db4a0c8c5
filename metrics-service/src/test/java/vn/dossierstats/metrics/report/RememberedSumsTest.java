package vn.dossierstats.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

class RememberedSumsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /** Buckets of random counts in every period since 2024, counting the range reads asked of them. */
    private static final class CountingBuckets implements Buckets {
        final Map<Period, Counts> buckets = new HashMap<>();
        final List<String> rangesRead = new ArrayList<>();

        CountingBuckets(long seed) {
            Random random = new Random(seed);
            for (Granularity granularity : Granularity.values()) {
                for (Period p = Period.of(granularity, LocalDate.of(2024, 1, 1));
                        !p.start().isAfter(TODAY);
                        p = p.next()) {
                    long received = random.nextInt(5);
                    long ended = random.nextInt(3);
                    buckets.put(p, new Counts(received, 0, 0, 0, 0, 0, 0, ended, 0, 0, received - ended, 0, 0, 0, 0));
                }
            }
        }

        @Override
        public Counts get(String unitCode, Period period) {
            return buckets.getOrDefault(period, Counts.ZERO);
        }

        @Override
        public Counts sum(String unitCode, Period from, Period to) {
            if (to.compareTo(from) > 0) {
                rangesRead.add(from.key() + ".." + to.key());
            }
            return Buckets.super.sum(unitCode, from, to);
        }
    }

    @Test
    void aPublicationOfTheFourRunningPeriodsReadsEachPrefixSumOnceAndGivesTheSameCounts() {
        CountingBuckets plain = new CountingBuckets(7);
        CountingBuckets remembered = new CountingBuckets(7);
        ReportCalculator once = new ReportCalculator(plain, 2000);
        ReportCalculator publication = new ReportCalculator(new RememberedSums(remembered), 2000);

        for (Granularity granularity : Granularity.values()) {
            List<Period> running = List.of(Period.of(granularity, TODAY));
            List<PeriodCounts> expected = once.counts("P", running, TODAY);
            assertThat(publication.counts("P", running, TODAY)).isEqualTo(expected);
        }

        assertThat(plain.rangesRead).hasSize(20);
        // the years before 2026, January to November, January to September, 1 to 6 December, 1 to 7 December
        assertThat(remembered.rangesRead)
                .containsExactly(
                        "2000..2026",
                        "2026-01..2026-12",
                        "2026-12-01..2026-12-07",
                        "2026-12-01..2026-12-08",
                        "2026-01..2026-10");
    }

    @Test
    void sumsOfOtherUnitsAndRangesAreReadAgain() {
        CountingBuckets buckets = new CountingBuckets(3);
        RememberedSums sums = new RememberedSums(buckets);
        Period from = Period.of(Granularity.MONTH, LocalDate.of(2026, 1, 1));
        Period to = Period.of(Granularity.MONTH, LocalDate.of(2026, 6, 1));

        Counts first = sums.sum("P", from, to);
        assertThat(sums.sum("P", from, to)).isEqualTo(first);
        sums.sum("Q", from, to);
        sums.sum("P", from, to.next());
        assertThat(sums.sum("P", to, from)).isEqualTo(Counts.ZERO);

        assertThat(buckets.rangesRead).containsExactly("2026-01..2026-06", "2026-01..2026-06", "2026-01..2026-07");
    }
}
