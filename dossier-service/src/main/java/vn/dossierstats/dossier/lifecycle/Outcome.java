package vn.dossierstats.dossier.lifecycle;

/** What the replay made of one event of the history. */
public record Outcome(Kind kind, String reason) {

    public enum Kind {
        /** Part of the dossier's valid path. */
        APPLIED,
        /** Waiting for the dossier's RECEIVED (or REFUSED). */
        PENDING,
        /** Kept in the history but ignored: it does not fit the path. */
        INVALID
    }

    public static final Outcome APPLIED = new Outcome(Kind.APPLIED, null);
    public static final Outcome PENDING = new Outcome(Kind.PENDING, null);

    public static Outcome invalid(String reason) {
        return new Outcome(Kind.INVALID, reason);
    }
}
