package vn.dossierstats.deploy.benchmark;

/** Ingestion that runs while a phase measures something else (freshness, reads). */
interface BackgroundLoad {

    /**
     * Stops sending, waits for what is in flight and fails when any of it was not accepted: a run that lost events
     * could not wait for the statistics to count them.
     *
     * @return the events per second accepted while it ran
     */
    double stop() throws Exception;
}
