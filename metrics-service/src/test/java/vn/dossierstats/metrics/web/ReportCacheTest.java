package vn.dossierstats.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

class ReportCacheTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Period JULY = Period.parse("2026-07").orElseThrow();
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 20);
    private static final UnitRecord PROVINCE = new UnitRecord("33", "Tỉnh Hưng Yên", "PROVINCE", null);
    private static final OffsetDateTime TEN = OffsetDateTime.of(2026, 7, 20, 10, 0, 0, 0, ZoneOffset.ofHours(7));

    private final ReportCache cache = new ReportCache(100, JSON::writeValueAsBytes);
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void aReportIsComputedOnceWhileItsBasisStands() {
        ReportBasis basis = new ReportBasis(1, TODAY, PROVINCE);

        Report first = cache.report("33", JULY, basis, computing(report(TEN, 5)));
        Report second = cache.report("33", JULY, basis, computing(report(TEN.plusMinutes(1), 5)));

        assertThat(second).isSameAs(first);
        assertThat(computations).hasValue(1);
    }

    @Test
    void theBodyIsSerialisedOnceAndServedAsTheSameBytes() {
        ReportBasis basis = new ReportBasis(1, TODAY, PROVINCE);

        PreparedBody first = cache.body("33", JULY, basis, computing(report(TEN, 5)));
        PreparedBody second = cache.body("33", JULY, basis, computing(report(TEN, 5)));

        assertThat(second).isSameAs(first);
        assertThat(JSON.readTree(first.bytes()).get("ended").get("early").asLong())
                .isEqualTo(5);
    }

    @Test
    void aNewVersionWithOtherFiguresServesThemWithANewTagAndAsOf() {
        PreparedBody before = cache.body("33", JULY, new ReportBasis(1, TODAY, PROVINCE), computing(report(TEN, 5)));

        PreparedBody after =
                cache.body("33", JULY, new ReportBasis(2, TODAY, PROVINCE), computing(report(TEN.plusSeconds(1), 6)));

        assertThat(after.etag()).isNotEqualTo(before.etag());
        var json = JSON.readTree(after.bytes());
        assertThat(json.get("ended").get("early").asLong()).isEqualTo(6);
        assertThat(json.get("asOf").asString()).isEqualTo("2026-07-20T10:00:01+07:00");
    }

    @Test
    void aNewVersionWithTheSameFiguresKeepsTheBodyItsAsOfAndItsTag() {
        PreparedBody before = cache.body("33", JULY, new ReportBasis(1, TODAY, PROVINCE), computing(report(TEN, 5)));

        ReportBasis newer = new ReportBasis(2, TODAY.plusDays(1), PROVINCE);
        PreparedBody after = cache.body("33", JULY, newer, computing(report(TEN.plusHours(20), 5)));

        assertThat(after).isSameAs(before);
        assertThat(computations).hasValue(2);
        // and the newer basis is kept: the next read computes nothing
        cache.body("33", JULY, newer, computing(report(TEN.plusHours(21), 5)));
        assertThat(computations).hasValue(2);
    }

    @Test
    void aRenamedUnitIsAnotherBasisAndAnotherReport() {
        cache.report("33", JULY, new ReportBasis(1, TODAY, PROVINCE), computing(report(TEN, 5)));
        UnitRecord renamed = new UnitRecord("33", "Tỉnh Hưng Yên (mới)", "PROVINCE", null);

        Report after =
                cache.report("33", JULY, new ReportBasis(1, TODAY, renamed), computing(report(renamed.name(), TEN, 5)));

        assertThat(after.unitName()).isEqualTo("Tỉnh Hưng Yên (mới)");
        assertThat(computations).hasValue(2);
    }

    @Test
    void periodsAndUnitsAreKeptApart() {
        ReportBasis basis = new ReportBasis(1, TODAY, PROVINCE);
        cache.report("33", JULY, basis, computing(report(TEN, 5)));

        Report june = cache.report("33", JULY.previous(), basis, computing(report(TEN, 7)));

        assertThat(june.ended().early()).isEqualTo(7);
        assertThat(computations).hasValue(2);
    }

    private Supplier<Report> computing(Report report) {
        return () -> {
            computations.incrementAndGet();
            return report;
        };
    }

    /** A report of 33 in July as of {@code asOf}, with {@code early} ended early. */
    private static Report report(OffsetDateTime asOf, long early) {
        return report(PROVINCE.name(), asOf, early);
    }

    private static Report report(String name, OffsetDateTime asOf, long early) {
        return Report.of(
                "33",
                name,
                "PROVINCE",
                "2026-07",
                OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7)),
                OffsetDateTime.of(2026, 8, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7)),
                asOf,
                new PeriodCounts(0, early + 2, 1, early + 1, 0, early, 0, 0, 2, 0, 0, 0, 0));
    }
}
