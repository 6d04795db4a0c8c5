package vn.dossierstats.ranking.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.dossierstats.ranking.leaderboard.Unit;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * A record of catalogue.units.v1 (written by dossier-service; key: the unit code; compacted).
 *
 * @param parentCode null for a root unit (a province, a ministry)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitRecord(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successor,
        List<UnitSpan.FormerParent> formerParents) {

    public static final String TOPIC = "catalogue.units.v1";

    /** The unit, or empty when the record lacks what a leaderboard needs. */
    public Optional<Unit> toUnit() {
        if (code == null || code.isBlank() || level == null || level.isBlank()) {
            return Optional.empty();
        }
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode;
        return Optional.of(new Unit(
                code, name == null ? code : name, level, parent, validFrom, validTo, successor, formerParents));
    }
}
