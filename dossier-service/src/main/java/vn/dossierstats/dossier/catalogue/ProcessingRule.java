package vn.dossierstats.dossier.catalogue;

import java.time.Instant;
import java.time.LocalTime;
import vn.dossierstats.dossier.calendar.ProcessingTime;

/** A procedure's processing time and same-day cut-off, in force for receipts from {@code effectiveFrom} on. */
public record ProcessingRule(Instant effectiveFrom, ProcessingTime time, LocalTime cutoff) {}
