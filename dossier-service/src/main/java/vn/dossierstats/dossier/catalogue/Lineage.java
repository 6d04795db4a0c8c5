package vn.dossierstats.dossier.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit with its earlier parents, enough to tell its ancestry on any date: {@code changes} in ascending order of
 * {@code until}, each the parent it had up to the day before.
 */
record Lineage(Unit unit, List<ParentChange> changes) {

    /** The unit had {@code parentBefore} (null: none) up to the day before {@code until}. */
    record ParentChange(LocalDate until, String parentBefore) {}

    /** The parent on {@code on}: the first earlier parent whose time had not ended by then, else the current one. */
    String parentOn(LocalDate on) {
        for (ParentChange change : changes) {
            if (on.isBefore(change.until())) {
                return change.parentBefore();
            }
        }
        return unit.parentCode();
    }
}
