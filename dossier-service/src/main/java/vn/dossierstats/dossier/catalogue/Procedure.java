package vn.dossierstats.dossier.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;
import vn.dossierstats.dossier.calendar.ProcessingTime;

/**
 * An administrative procedure (thủ tục hành chính); also the ProcedureRecord published on catalogue.procedures.v1.
 * {@code onlineLevel} and {@code feeCharging} feed the national index (Decision 766); a procedure put without them is
 * not offered online and charges no fee.
 */
public record Procedure(
        String code,
        String name,
        String domain,
        ProcessingTime processingTime,

        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm")
        LocalTime cutoff,

        OnlineLevel onlineLevel,
        boolean feeCharging) {

    /** How far a procedure is offered online: not at all, partly (some steps), fully (every step, level 4). */
    public enum OnlineLevel {
        NONE,
        PARTIAL,
        FULL
    }

    public Procedure {
        if (onlineLevel == null) {
            onlineLevel = OnlineLevel.NONE;
        }
    }

    public Procedure(String code, String name, String domain, ProcessingTime processingTime, LocalTime cutoff) {
        this(code, name, domain, processingTime, cutoff, OnlineLevel.NONE, false);
    }
}
