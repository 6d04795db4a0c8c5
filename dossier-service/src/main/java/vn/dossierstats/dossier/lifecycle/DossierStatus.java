package vn.dossierstats.dossier.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands in its lifecycle, and what each state allows next (domain.md). */
public enum DossierStatus {
    OPEN,
    WAITING_SUPPLEMENT,
    RESOLVED,
    RESULT_RETURNED,
    STOPPED,
    WITHDRAWN,
    REFUSED;

    public Set<EventType> allowed() {
        return switch (this) {
            case OPEN ->
                EnumSet.of(
                        EventType.SUPPLEMENT_REQUESTED,
                        EventType.DEADLINE_EXTENDED,
                        EventType.PAID,
                        EventType.RESOLVED,
                        EventType.RESULT_RETURNED,
                        EventType.STOPPED,
                        EventType.WITHDRAWN);
            case WAITING_SUPPLEMENT ->
                EnumSet.of(
                        EventType.SUPPLEMENT_RECEIVED,
                        EventType.DEADLINE_EXTENDED,
                        EventType.PAID,
                        EventType.STOPPED,
                        EventType.WITHDRAWN);
            case RESOLVED -> EnumSet.of(EventType.RESULT_RETURNED, EventType.PAID, EventType.RATED);
            case RESULT_RETURNED -> EnumSet.of(EventType.PAID, EventType.RATED);
            case STOPPED, WITHDRAWN, REFUSED -> EnumSet.noneOf(EventType.class);
        };
    }

    public boolean isOpen() {
        return this == OPEN || this == WAITING_SUPPLEMENT;
    }
}
