package vn.dossierstats.dossier.lifecycle;

/** What judging made of one event of a dossier's history (domain.md, Judging), and why unless it applied. */
public record Judgement(Status status, String reason) {

    public enum Status {
        /** Part of the dossier's path: it counts. */
        APPLIED,
        /** Not allowed where it stands yet, but events that may not have arrived can make it apply. */
        WAITING,
        /** Can never apply where it stands: kept, visible, never counted. */
        INVALID
    }

    public static final Judgement APPLIED = new Judgement(Status.APPLIED, null);

    public static Judgement waiting(String reason) {
        return new Judgement(Status.WAITING, reason);
    }

    public static Judgement invalid(String reason) {
        return new Judgement(Status.INVALID, reason);
    }

    public boolean applied() {
        return status == Status.APPLIED;
    }

    public boolean invalid() {
        return status == Status.INVALID;
    }
}
