package vn.dossierstats.dossier.catalogue;

import java.time.LocalDate;

/**
 * An administrative unit; also the UnitRecord published on catalogue.units.v1.
 *
 * @param validFrom the first local date the unit exists, or null: always
 * @param validTo the last local date the unit exists, or null: still
 * @param successor the unit it was merged into on the day after {@code validTo}, or null
 */
public record Unit(
        String code,
        String name,
        Level level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successor) {

    public enum Level {
        PROVINCE,
        COMMUNE,
        DEPARTMENT,
        MINISTRY,
        DISTRICT
    }

    /** A unit that exists without an end: what an administrator creates. */
    public Unit(String code, String name, Level level, String parentCode) {
        this(code, name, level, parentCode, null, null, null);
    }

    /** Whether the unit had ended by {@code on}. */
    public boolean endedBy(LocalDate on) {
        return validTo != null && on.isAfter(validTo);
    }
}
