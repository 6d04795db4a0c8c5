package vn.dossierstats.ranking.leaderboard;

import java.time.LocalDate;
import java.util.List;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * A unit of the catalogue: what a leaderboard lists and how scopes are drawn (the parent chain), with its validity,
 * successor and earlier parents once reorganisations touched it.
 */
public record Unit(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successor,
        List<UnitSpan.FormerParent> formerParents) {

    public Unit {
        formerParents = formerParents == null ? List.of() : List.copyOf(formerParents);
    }

    public Unit(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, null, null, null, List.of());
    }

    public UnitSpan span() {
        return new UnitSpan(code, parentCode, validFrom, validTo, successor, formerParents);
    }
}
