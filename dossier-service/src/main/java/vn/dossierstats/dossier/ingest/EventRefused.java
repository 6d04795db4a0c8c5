package vn.dossierstats.dossier.ingest;

/** Why ingestion refused an event that was well formed: the source gets it back and nothing is kept. */
public class EventRefused extends RuntimeException {

    public enum Reason {
        /** The event's unit is outside the scopes of the source's key (403). */
        OUT_OF_SCOPE,
        /** The same (source, eventId) was received with different content (409). */
        CONFLICT,
        /** An unknown unit or procedure (422): the source retries once the catalogue knows it. */
        UNKNOWN_CATALOGUE_ENTRY,
        /** INVALID at its place, judged with the events already held: no later arrival can make it apply (422). */
        NOT_ALLOWED
    }

    private final Reason reason;

    public EventRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
