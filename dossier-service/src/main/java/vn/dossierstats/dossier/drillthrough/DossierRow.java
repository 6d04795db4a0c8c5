package vn.dossierstats.dossier.drillthrough;

import java.time.OffsetDateTime;

/** A dossier behind a figure, as its last fact states it (docs/events.md), instants in local time. */
record DossierRow(
        String dossierId,
        String unitCode,
        String procedureCode,
        String channel,
        String status,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        OffsetDateTime overdueSince,
        OffsetDateTime endedAt,
        String classification) {}
