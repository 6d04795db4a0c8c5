package vn.dossierstats.metrics.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The procedures assigned to a unit, as read from catalogue.unit-procedures.v1 (written by dossier-service): the
 * national index's procedures in scope of that unit (docs/events.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitProceduresRecord(String unitCode, List<String> procedures) {

    public UnitProceduresRecord {
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }
}
