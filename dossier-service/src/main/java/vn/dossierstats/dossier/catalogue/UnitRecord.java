package vn.dossierstats.dossier.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit as published on catalogue.units.v1: the unit, its validity and successor, and its earlier parents, so that
 * readers can tell the unit's place in the tree on any date (docs/events.md).
 *
 * @param formerParents ascending by {@code until}: the parent the unit had up to the day before {@code until}
 */
public record UnitRecord(
        String code,
        String name,
        Unit.Level level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successor,
        List<FormerParent> formerParents) {

    public record FormerParent(LocalDate until, String parentCode) {}

    static UnitRecord of(Lineage lineage) {
        Unit unit = lineage.unit();
        return new UnitRecord(
                unit.code(),
                unit.name(),
                unit.level(),
                unit.parentCode(),
                unit.validFrom(),
                unit.validTo(),
                unit.successor(),
                lineage.changes().stream()
                        .map(change -> new FormerParent(change.until(), change.parentBefore()))
                        .toList());
    }
}
