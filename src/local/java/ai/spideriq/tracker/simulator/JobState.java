package ai.spideriq.tracker.simulator;

import java.util.Locale;

/** The states the API reports for a job. */
public enum JobState {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** The lower-case name the API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job has ended (no further transitions). */
    public boolean isTerminal() {
        return this != QUEUED && this != PROCESSING;
    }
}
