package ai.spideriq.tracker.tracking;

import ai.spideriq.tracker.client.JobResults;

/**
 * How a job ended: its {@link OutcomeStatus}, on failed the {@link FailureReason}, and SpiderIQ's results when it
 * reported them (null when the tracker ended the job itself: unknown to SpiderIQ, or past the deadline).
 */
public record Ending(OutcomeStatus status, FailureReason reason, JobResults results) {

    /** SpiderIQ reported the job completed, failed or cancelled. */
    public static Ending reported(JobResults results) {
        OutcomeStatus status = OutcomeStatus.of(results.status());
        return new Ending(status, status == OutcomeStatus.FAILED ? FailureReason.JOB_FAILED : null, results);
    }

    /** SpiderIQ still did not know the job after the grace period. */
    public static Ending notFound() {
        return new Ending(OutcomeStatus.FAILED, FailureReason.JOB_NOT_FOUND, null);
    }

    /** The job did not end within the tracking deadline. */
    public static Ending deadlineExceeded() {
        return new Ending(OutcomeStatus.FAILED, FailureReason.TRACKING_DEADLINE_EXCEEDED, null);
    }

    /** Whether SpiderIQ reported the end (rather than the tracker deciding it). */
    public boolean isReported() {
        return results != null;
    }

    /** The job type SpiderIQ reported, or null. */
    public String reportedType() {
        return results == null ? null : results.typeName();
    }

    /** As metrics tag it and the ended record says it: the failure reason on failed, the status otherwise. */
    public String wireName() {
        return reason != null ? reason.wireName() : status.wireName();
    }
}
