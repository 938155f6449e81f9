package ai.spideriq.tracker.tracking;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a job is on the failed topic. */
public enum FailureReason {
    /** SpiderIQ ran the job and reports it failed; see {@code error_message}. */
    JOB_FAILED,
    /** SpiderIQ answered 404 past the grace period: unknown job, or another account's. */
    JOB_NOT_FOUND,
    /** The job had not ended when the tracking deadline passed; it may still end at SpiderIQ later. */
    TRACKING_DEADLINE_EXCEEDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
