package vn.dossierstats.unitstats.index;

/** Every sub-indicator of the six groups, with its points and, where we hold no input for it, what is missing. */
public enum IndicatorKey {
    HANDLED_ON_TIME(IndexGroup.PROGRESS, 20, null),
    OFFERED_ONLINE(IndexGroup.ONLINE_SERVICES, 2, null),
    ONLINE_SERVICES_USED(IndexGroup.ONLINE_SERVICES, 4, null),
    DOSSIERS_ONLINE(IndexGroup.ONLINE_SERVICES, 6, null),
    DOSSIERS_PAID_ONLINE(IndexGroup.ONLINE_PAYMENT, 6, null),
    PROCEDURES_PAID_ONLINE(IndexGroup.ONLINE_PAYMENT, 2, null),
    FEE_PROCEDURES_USED(IndexGroup.ONLINE_PAYMENT, 2, null),
    ELECTRONIC_RESULT(IndexGroup.DIGITISATION, 6, null),
    DOSSIER_DIGITISED(IndexGroup.DIGITISATION, 4, null),
    DATA_REUSE(IndexGroup.DIGITISATION, 2, "dossiers reusing digitised data"),
    CERTIFIED_COPIES(IndexGroup.DIGITISATION, 2, "electronic certified copies"),
    CITIZEN_DATA_STORE(IndexGroup.DIGITISATION, 4, "citizens' data store records"),
    POPULATION_DATABASE_DOSSIERS(IndexGroup.DIGITISATION, 2, "population database lookups by dossier"),
    POPULATION_DATABASE_PROCEDURES(IndexGroup.DIGITISATION, 2, "population database integration by procedure"),
    RECEIVING_AND_RESOLVING(IndexGroup.SATISFACTION, 6, null),
    PETITIONS_ON_TIME(IndexGroup.SATISFACTION, 6, "petitions (PAKN) and their handling"),
    PETITION_SATISFACTION(IndexGroup.SATISFACTION, 6, "petitions (PAKN) and their ratings"),
    PUBLICATION(IndexGroup.TRANSPARENCY, 12, "procedure publication records"),
    SYNCED_DOSSIERS(IndexGroup.TRANSPARENCY, 6, "dossier synchronisation records of DVCQG");

    private final IndexGroup group;
    private final int max;
    private final String missing;

    IndicatorKey(IndexGroup group, int max, String missing) {
        this.group = group;
        this.max = max;
        this.missing = missing;
    }

    public IndexGroup group() {
        return group;
    }

    public int max() {
        return max;
    }

    /** What we would need to compute it, or null when the events and catalogue give it. */
    public String missing() {
        return missing;
    }
}
