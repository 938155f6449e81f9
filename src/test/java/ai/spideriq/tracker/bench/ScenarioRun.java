package ai.spideriq.tracker.bench;

/**
 * One run under {@link ApiConditions}, with what the detection scenarios report beyond {@link RunResult}.
 *
 * @param requestsPerMinute API requests sent in the measured window, per minute of it (429s included)
 * @param listPerMinute of which job-list pages
 * @param resultsPerMinute of which {@code /results} polls
 * @param eventsPerMinute of which stream openings
 * @param lostEndLag lag of the measured jobs that completed or failed without their end frame reaching
 *        the tracker (lost by the API, or sent while the stream was down or silent)
 * @param cancelledLag lag of the measured cancellations, which have no event at all
 * @param streamPauses 429s answered to stream openings: each pauses all polling
 */
record ScenarioRun(RunResult run, double requestsPerMinute, double listPerMinute, double resultsPerMinute,
        double eventsPerMinute, LagStats lostEndLag, LagStats cancelledLag, long streamPauses) {
}
