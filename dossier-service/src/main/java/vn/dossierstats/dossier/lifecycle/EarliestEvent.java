package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The earliest instant an event may be dated: the first local instant of the first year the statistics count
 * (metrics-service counts nothing before it, so an earlier event would be accepted and never counted consistently).
 */
public record EarliestEvent(OffsetDateTime at) {

    /** Whether an event dated {@code occurredAt} is too early to be accepted. */
    public boolean isAfter(Instant occurredAt) {
        return occurredAt.isBefore(at.toInstant());
    }

    /** The reason an event too early is refused, naming the earliest instant in local time with its seconds. */
    public String refusal() {
        return "must not be before " + at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + ": the statistics begin then";
    }
}
