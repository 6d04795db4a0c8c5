package vn.dossierstats.metrics.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import vn.dossierstats.unitstats.PeriodCounts;

/** The period report of api.md: counts, rates and scores of a unit with its descendants. */
public record Report(
        String unitCode,
        String unitName,
        String level,
        String period,
        OffsetDateTime from,
        OffsetDateTime to,
        OffsetDateTime asOf,
        Received received,
        Ended ended,
        InProgress inProgress,
        Double onTimeRate,
        Double progressScore,
        Double onlineShare,
        Double digitizedShare,
        Double paidOnlineShare) {

    public record Received(
            long carriedOver,
            @JsonProperty("new") long receivedNew,
            long online,
            long direct,
            long postal,
            long totalToProcess) {}

    public record Ended(long early, long onTime, long late, long total) {}

    public record InProgress(long withinDeadline, long overdue, long total) {}

    public static Report of(
            String unitCode,
            String unitName,
            String level,
            String period,
            OffsetDateTime from,
            OffsetDateTime to,
            OffsetDateTime asOf,
            PeriodCounts c) {
        return new Report(
                unitCode,
                unitName,
                level,
                period,
                from,
                to,
                asOf,
                new Received(c.carriedOver(), c.receivedNew(), c.online(), c.direct(), c.postal(), c.totalToProcess()),
                new Ended(c.early(), c.onTime(), c.late(), c.ended()),
                new InProgress(c.withinDeadline(), c.overdue(), c.inProgress()),
                rate(c.early() + c.onTime(), c.ended()),
                score(c.early() + c.onTime() + c.withinDeadline(), c.totalToProcess()),
                rate(c.online(), c.receivedNew()),
                rate(c.digitized(), c.receivedNew()),
                rate(c.paidOnline(), c.feeRequired()));
    }

    /** The same figures as of another instant. */
    public Report withAsOf(OffsetDateTime instant) {
        return new Report(
                unitCode,
                unitName,
                level,
                period,
                from,
                to,
                instant,
                received,
                ended,
                inProgress,
                onTimeRate,
                progressScore,
                onlineShare,
                digitizedShare,
                paidOnlineShare);
    }

    /** A rate or share, half-up to 4 decimals from the exact fraction; null when nothing to divide. */
    public static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : divide(numerator, denominator, 1, 4);
    }

    /** The progress score: 20 × the fraction, half-up to 2 decimals. */
    public static Double score(long numerator, long denominator) {
        return denominator == 0 ? null : divide(numerator, denominator, 20, 2);
    }

    private static Double divide(long numerator, long denominator, int factor, int scale) {
        return BigDecimal.valueOf(numerator)
                .multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
