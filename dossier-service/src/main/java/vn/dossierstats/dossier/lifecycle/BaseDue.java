package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;

/** The due instant of a receipt before any pause: its own {@code dueAt}, or its procedure's deadline. */
@FunctionalInterface
public interface BaseDue {

    Instant of(DossierEvent receipt);
}
