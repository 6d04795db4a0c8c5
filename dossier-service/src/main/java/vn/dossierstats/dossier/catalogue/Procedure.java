package vn.dossierstats.dossier.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;
import vn.dossierstats.dossier.calendar.ProcessingTime;

/** An administrative procedure (thủ tục hành chính); also the ProcedureRecord published on catalogue.procedures.v1. */
public record Procedure(
        String code,
        String name,
        String domain,
        ProcessingTime processingTime,

        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm")
        LocalTime cutoff) {}
