package ai.spideriq.tracker.bench;

/**
 * What one strategy did with one workload. Times are in uncompressed seconds.
 *
 * @param layer {@code virtual} or {@code e2e}
 * @param jobs jobs submitted
 * @param requests API requests answered by the simulator, 429s included
 * @param rateLimited 429 answers
 * @param lag detection lag of the measured jobs: outcome time minus the simulator's true end time
 * @param outcomes jobs with at least one outcome
 * @param duplicates outcomes beyond the first for a job
 * @param unfinished jobs still tracked, without an outcome, when the drain cap ran out
 * @param lost jobs with no outcome that the strategy no longer tracks (must be 0)
 * @param backlogGrowing whether the count of ended-but-undetected jobs grew over the window
 * @param peakBacklog the most ended-but-undetected jobs seen at one sample
 * @param drainSeconds from the last arrival to the last outcome
 * @param wallMillis real time the run took
 */
record RunResult(String layer, String strategy, Workload workload, int jobs, long requests, long rateLimited,
        LagStats lag, int outcomes, int duplicates, int unfinished, int lost, boolean backlogGrowing, int peakBacklog,
        double drainSeconds, long wallMillis) {

    /** The bar: p95 lag under 10 s, a backlog that does not grow, and every job ended within the drain. */
    static final double SUSTAINABLE_P95_SECONDS = 10;

    double requestsPerJob() {
        return jobs == 0 ? 0 : (double) requests / jobs;
    }

    boolean sustainable() {
        return lag.count() > 0 && lag.p95() < SUSTAINABLE_P95_SECONDS && !backlogGrowing && unfinished == 0
                && lost == 0;
    }
}
