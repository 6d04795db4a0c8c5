package vn.dossierstats.metrics.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * A unit of the catalogue as read from catalogue.units.v1 (written by dossier-service): its validity, successor and
 * earlier parents come with reorganisations (docs/events.md).
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

    public UnitRecord(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, null, null, null, List.of());
    }

    public UnitSpan span() {
        return new UnitSpan(code, parentCode, validFrom, validTo, successor, formerParents);
    }
}
