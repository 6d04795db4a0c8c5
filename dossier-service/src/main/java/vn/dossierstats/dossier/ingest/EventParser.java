package vn.dossierstats.dossier.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.PaymentChannel;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Rating;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Result;
import vn.dossierstats.dossier.lifecycle.EarliestEvent;
import vn.dossierstats.dossier.lifecycle.EventType;
import vn.dossierstats.dossier.web.JsonFields;

/** Turns one JSON event into a {@link DossierEvent}, or a 400 naming every invalid field (api.md). */
final class EventParser {

    private final Clock clock;
    private final Duration maxClockSkew;
    private final EarliestEvent earliest;

    /** @param earliest the earliest instant an event may be dated (the statistics count nothing before it) */
    EventParser(Clock clock, Duration maxClockSkew, EarliestEvent earliest) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.earliest = earliest;
    }

    DossierEvent parse(String source, JsonNode node) {
        JsonFields fields = JsonFields.of(node, "");
        String eventId = fields.text("eventId", true, 100);
        EventType type = fields.enumValue("type", EventType.class, true);
        String dossierId = fields.code("dossierId", true, 64);
        Instant occurredAt = fields.instant("occurredAt", true);
        if (occurredAt != null && occurredAt.isAfter(clock.instant().plus(maxClockSkew))) {
            fields.error(
                    "occurredAt",
                    "is in the future: at most " + maxClockSkew.toMinutes()
                            + " minutes after the server clock are accepted");
        }
        if (occurredAt != null && earliest.isAfter(occurredAt)) {
            fields.error("occurredAt", earliest.refusal());
        }
        boolean receipt = type != null && type.startsDossier();
        String unitCode = receipt ? fields.code("unitCode", true, 64) : null;
        String procedureCode = receipt ? fields.code("procedureCode", true, 64) : null;
        Channel channel = receipt ? fields.enumValue("channel", Channel.class, true) : null;
        Instant dueAt = receipt ? fields.instant("dueAt", false) : null;
        if (dueAt != null && occurredAt != null && dueAt.isBefore(occurredAt)) {
            fields.error("dueAt", "must not be before occurredAt");
        }
        Boolean digitized = receipt ? fields.bool("digitized") : null;
        Boolean feeRequired = receipt ? fields.bool("feeRequired") : null;
        Instant newDueAt = type == EventType.DEADLINE_EXTENDED ? fields.instant("newDueAt", true) : null;
        PaymentChannel paymentChannel =
                type == EventType.PAID ? fields.enumValue("paymentChannel", PaymentChannel.class, true) : null;
        Result result = type == EventType.RESOLVED ? fields.enumValue("result", Result.class, false) : null;
        Rating rating = type == EventType.RATED ? fields.enumValue("rating", Rating.class, true) : null;
        Boolean electronicResult = type == EventType.RESOLVED || type == EventType.RESULT_RETURNED
                ? fields.bool("electronicResult")
                : null;
        fields.throwIfInvalid();
        return new DossierEvent(
                source,
                eventId,
                type,
                dossierId,
                occurredAt,
                unitCode,
                procedureCode,
                channel,
                dueAt,
                digitized,
                feeRequired,
                newDueAt,
                paymentChannel,
                result,
                rating,
                electronicResult);
    }
}
