package vn.dossierstats.unitstats;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's place in the tree over time, as catalogue.units.v1 tells it (docs/events.md): when it exists, its current
 * parent and its earlier ones, and the unit it was merged into.
 *
 * @param validFrom the first local date it exists, or null: always
 * @param validTo the last local date it exists, or null: still
 * @param successor the unit it was merged into the day after {@code validTo}, or null
 * @param formerParents ascending by {@code until}: the parent it had up to the day before {@code until}
 */
public record UnitSpan(
        String code,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successor,
        List<FormerParent> formerParents) {

    public record FormerParent(LocalDate until, String parentCode) {}

    public UnitSpan {
        formerParents = formerParents == null ? List.of() : List.copyOf(formerParents);
    }

    public boolean existsOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean endedBy(LocalDate day) {
        return validTo != null && day.isAfter(validTo);
    }

    public String parentOn(LocalDate day) {
        for (FormerParent former : formerParents) {
            if (day.isBefore(former.until())) {
                return former.parentCode();
            }
        }
        return parentCode;
    }

    /** Whether any reorganisation touched the unit: else its place is the same on every date. */
    public boolean reorganised() {
        return validFrom != null || validTo != null || !formerParents.isEmpty();
    }
}
