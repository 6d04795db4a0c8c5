package vn.dossierstats.dossier.ingest;

/** The answer to an accepted or repeated event. */
public record IngestResult(String eventId, Status status) {

    public enum Status {
        ACCEPTED,
        DUPLICATE
    }
}
