package vn.dossierstats.unitstats.index;

/** The six groups of the 100-point index, in the order of api.md, keyed as in api.md. */
public enum IndexGroup {
    PROGRESS("progress", 20),
    ONLINE_SERVICES("onlineServices", 12),
    ONLINE_PAYMENT("onlinePayment", 10),
    DIGITISATION("digitisation", 22),
    SATISFACTION("satisfaction", 18),
    TRANSPARENCY("transparency", 18);

    private final String key;
    private final int max;

    IndexGroup(String key, int max) {
        this.key = key;
        this.max = max;
    }

    public String key() {
        return key;
    }

    public int max() {
        return max;
    }
}
