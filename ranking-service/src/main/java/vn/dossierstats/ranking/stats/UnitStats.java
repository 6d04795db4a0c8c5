package vn.dossierstats.ranking.stats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Optional;
import vn.dossierstats.ranking.leaderboard.Period;
import vn.dossierstats.ranking.leaderboard.UnitCounts;

/** A record of unit.stats.v1 (written by metrics-service; key: {@code unitCode|period}; compacted). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitStats(String unitCode, String period, Counts counts, Instant updatedAt, Instant lastAcceptedAt) {

    public static final String TOPIC = "unit.stats.v1";

    /** The counts as published; unknown (newer) fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(
            long carriedOver,
            long receivedNew,
            long online,
            long direct,
            long postal,
            long early,
            long onTime,
            long late,
            long withinDeadline,
            long overdue,
            long digitized,
            long feeRequired,
            long paidOnline) {

        UnitCounts toUnitCounts() {
            return new UnitCounts(
                    carriedOver,
                    receivedNew,
                    online,
                    direct,
                    postal,
                    early,
                    onTime,
                    late,
                    withinDeadline,
                    overdue,
                    digitized,
                    feeRequired,
                    paidOnline);
        }
    }

    public Optional<Period> parsedPeriod() {
        return Period.parse(period);
    }

    public Optional<UnitCounts> unitCounts() {
        return counts == null || unitCode == null ? Optional.empty() : Optional.of(counts.toUnitCounts());
    }

    /** The unit and period of a record key {@code unitCode|period}: what a tombstone removes. */
    public static Optional<String[]> splitKey(String key) {
        int bar = key == null ? -1 : key.lastIndexOf('|');
        return bar <= 0 ? Optional.empty() : Optional.of(new String[] {key.substring(0, bar), key.substring(bar + 1)});
    }
}
