package vn.dossierstats.dossier.fact;

/**
 * Where a dossier's publications stand: the sequence and content of the last fact published (0 and null before the
 * first). Facts follow one another per dossier without gaps.
 */
public record LastFact(String dossierId, long sequence, DossierFact fact) {

    public static LastFact none(String dossierId) {
        return new LastFact(dossierId, 0, null);
    }

    /** Where the dossier stands once {@code next} is published. */
    public LastFact after(DossierFact next) {
        return new LastFact(dossierId, next.sequence(), next);
    }
}
