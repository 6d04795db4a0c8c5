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

    /**
     * Whether events that may not have arrived yet can lead from here to a state that allows {@code type}: open and
     * waiting reach every state, resolved reaches result returned, the other ends nothing (domain.md, Judging).
     */
    public boolean canStillAllow(EventType type) {
        return switch (this) {
            case OPEN, WAITING_SUPPLEMENT -> true;
            case RESOLVED -> RESULT_RETURNED.allowed().contains(type);
            case RESULT_RETURNED, STOPPED, WITHDRAWN, REFUSED -> false;
        };
    }

    /** The state an event this state allows leads to. */
    public DossierStatus after(EventType type) {
        return switch (type) {
            case SUPPLEMENT_REQUESTED -> WAITING_SUPPLEMENT;
            case SUPPLEMENT_RECEIVED -> OPEN;
            case RESOLVED -> RESOLVED;
            case RESULT_RETURNED -> this == RESOLVED || this.isOpen() ? RESULT_RETURNED : this;
            case STOPPED -> STOPPED;
            case WITHDRAWN -> WITHDRAWN;
            default -> this;
        };
    }

    public boolean isOpen() {
        return this == OPEN || this == WAITING_SUPPLEMENT;
    }
}
