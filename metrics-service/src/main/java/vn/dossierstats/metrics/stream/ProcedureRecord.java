package vn.dossierstats.metrics.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.dossierstats.metrics.index.ProcedureCounts;

/**
 * A procedure of the catalogue as read from catalogue.procedures.v1 (written by dossier-service): what the national
 * index asks of it. A record written before {@code onlineLevel} and {@code feeCharging} is not online and charges no
 * fee (docs/events.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcedureRecord(String code, String onlineLevel, Boolean feeCharging) {

    public ProcedureCounts.Traits traits() {
        return new ProcedureCounts.Traits(
                "PARTIAL".equals(onlineLevel) || "FULL".equals(onlineLevel), Boolean.TRUE.equals(feeCharging));
    }
}
