package vn.dossierstats.deploy.chaos;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One event a source sends, with what the independent fold needs to know of it.
 *
 * @param unit the dossier's unit (sent on the {@code RECEIVED} only)
 * @param channel {@code DIRECT}, {@code ONLINE} or {@code POSTAL} (on the {@code RECEIVED})
 * @param dueAt the appointment printed on the receipt (on the {@code RECEIVED}; authoritative)
 * @param digitized whether the dossier was digitised at receipt (on the {@code RECEIVED})
 */
record ChaosEvent(
        String eventId,
        String dossierId,
        String type,
        Instant at,
        String unit,
        String channel,
        Instant dueAt,
        boolean digitized) {

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);

    boolean isReceipt() {
        return type.equals("RECEIVED");
    }

    /** The end of processing (domain.md): the first of these. */
    boolean isEnd() {
        return switch (type) {
            case "RESOLVED", "RESULT_RETURNED", "STOPPED", "WITHDRAWN" -> true;
            default -> false;
        };
    }

    /** The event as the ingest API takes it, instants in local time with their seconds. */
    String json() {
        StringBuilder json = new StringBuilder()
                .append("{\"eventId\":\"")
                .append(eventId)
                .append("\",\"type\":\"")
                .append(type)
                .append("\",\"dossierId\":\"")
                .append(dossierId)
                .append("\",\"occurredAt\":\"")
                .append(local(at))
                .append('"');
        switch (type) {
            case "RECEIVED" ->
                json.append(",\"unitCode\":\"")
                        .append(unit)
                        .append("\",\"procedureCode\":\"")
                        .append(ChaosCatalogue.PROCEDURE)
                        .append("\",\"channel\":\"")
                        .append(channel)
                        .append("\",\"dueAt\":\"")
                        .append(local(dueAt))
                        .append("\",\"digitized\":")
                        .append(digitized);
            case "RESOLVED" -> json.append(",\"result\":\"APPROVED\"");
            case "RATED" -> json.append(",\"rating\":\"SATISFIED\"");
            case "PAID" -> json.append(",\"paymentChannel\":\"ONLINE\"");
            default -> {}
        }
        return json.append('}').toString();
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LOCAL).toString();
    }
}
