package ai.spideriq.tracker.tracking;

/**
 * What, besides a job's own polls, will tell the tracker that it ended. The better the coverage, the sparser the
 * polls that only guard against what the detectors miss.
 */
enum Coverage {
    /** Nothing: polls alone find ends. */
    POLLS,
    /** The event stream is up: polls guard against lost events and cancellations (which have no event). */
    STREAM,
    /** The job-list sweeps work: they find every end, cancellations included; polls are the last safety net. */
    SWEEPS
}
