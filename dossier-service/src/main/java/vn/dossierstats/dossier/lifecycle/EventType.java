package vn.dossierstats.dossier.lifecycle;

/** Event types a source sends; declaration order is the tie-break for events at the same instant. */
public enum EventType {
    RECEIVED,
    REFUSED,
    SUPPLEMENT_REQUESTED,
    SUPPLEMENT_RECEIVED,
    DEADLINE_EXTENDED,
    PAID,
    RESOLVED,
    RESULT_RETURNED,
    STOPPED,
    WITHDRAWN,
    RATED;

    public boolean startsDossier() {
        return this == RECEIVED || this == REFUSED;
    }
}
