package vn.dossierstats.dossier.dvcqg;

/** Why one dossier of a DVCQG request was not applied: the field at fault (DVCQG's name) and what is wrong. */
final class SnapshotFailure extends RuntimeException {

    private final String field;

    SnapshotFailure(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
