package vn.dossierstats.dossier.catalogue;

import java.time.Instant;

/**
 * Announced once a procedure's new processing rule is committed: dossiers of the procedure received from
 * {@code receivedFrom} on may have another due instant now (a rule in force from the past, or a new first rule, which
 * governs every older receipt: then {@code receivedFrom} is the epoch).
 */
public record ProcedureChanged(String procedureCode, Instant receivedFrom) {}
