package ai.spideriq.tracker.metrics;

/**
 * One line of the periodic summary: what is in flight, what has ended since start-up, and how much of the request
 * budget the last minute used.
 *
 * @param inFlight jobs being tracked now
 * @param completed outcomes published to the completed topic since start-up
 * @param failed outcomes published to the failed topic since start-up (failed, not found, deadline exceeded)
 * @param cancelled outcomes published to the cancelled topic since start-up
 * @param requestsLastMinute API requests sent in the last minute
 * @param budgetPerMinute the tracker's configured share of the account's requests per minute
 * @param rateLimited 429 answers since start-up
 * @param deadLettered submissions sent to the dead-letter topic since start-up
 */
public record TrackerSummary(long inFlight, long completed, long failed, long cancelled, long requestsLastMinute,
        int budgetPerMinute, long rateLimited, long deadLettered) {

    /** {@code key=value} pairs, so that log search and grep can pick out one number. */
    public String line() {
        return "in_flight=" + inFlight + " completed=" + completed + " failed=" + failed + " cancelled=" + cancelled
                + " requests_last_min=" + requestsLastMinute + "/" + budgetPerMinute + " rate_limited=" + rateLimited
                + " dlq=" + deadLettered;
    }
}
