package vn.dossierstats.unitstats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Optional;

/**
 * A record of {@code unit.stats.v1}: the counts of one unit in one period. Key: {@code unitCode|period}; compacted;
 * a tombstone removes the unit's period. Unknown (newer) fields are ignored when read.
 *
 * @param updatedAt when the counts were computed
 * @param lastAcceptedAt when the latest event that moved them was accepted (freshness is measured from it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitStats(
        String unitCode, String period, PeriodCounts counts, Instant updatedAt, Instant lastAcceptedAt) {

    public static final String TOPIC = "unit.stats.v1";

    /** The record key of a unit's period. */
    public static String key(String unitCode, String period) {
        return unitCode + "|" + period;
    }

    /** The unit and period of a record key {@code unitCode|period}: what a tombstone removes. */
    public static Optional<String[]> splitKey(String key) {
        int bar = key == null ? -1 : key.lastIndexOf('|');
        return bar <= 0 ? Optional.empty() : Optional.of(new String[] {key.substring(0, bar), key.substring(bar + 1)});
    }

    public Optional<Period> parsedPeriod() {
        return Period.parse(period);
    }
}
