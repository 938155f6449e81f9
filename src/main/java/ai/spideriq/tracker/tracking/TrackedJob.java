package ai.spideriq.tracker.tracking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the tracker knows of one job in flight. Immutable: every change makes a new value, so the operator view can
 * read it from any thread.
 *
 * @param type {@code spiderSite}, {@code spiderMaps}, or null until the submitter or the API says
 * @param partition the input partition the job came from; its in-flight record lives in the same partition
 * @param submissionOffset offset of the submission that started this tracking, to recognise it when replayed
 * @param headers the submitter's correlation and trace headers, passed on to the outcome
 * @param polls answers so far that said "still running" (drives the poll policy)
 * @param failures consecutive failed requests (drives the error backoff)
 * @param requests API requests this job has cost in this tracker's life
 * @param nextPollAt when the next request is due; null while one is under way or the outcome is published
 * @param lastStatus the last answer, for operators: {@code queued}, {@code processing}, {@code http 503}...
 * @param startedAt when the event stream announced that a worker picked the job up, or null
 * @param endAnnounced whether the event stream announced the job's end (its next poll will find the result)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackedJob(UUID jobId, String type, int partition, long submissionOffset, Instant firstSeenAt,
        Instant deadlineAt, Map<String, String> headers, Phase phase, int polls, int failures, int requests,
        Instant nextPollAt, String lastStatus, Instant startedAt, boolean endAnnounced) {

    /** Where a job is in its tracking. */
    public enum Phase {
        /** Waiting for its next poll to come due and get a token. */
        WAITING,
        /** A request for it is under way. */
        POLLING,
        /** It ended; its outcome is being published. */
        PUBLISHING
    }

    public TrackedJob {
        headers = Map.copyOf(headers);
    }

    public static TrackedJob submitted(UUID jobId, String type, int partition, long submissionOffset,
            Instant firstSeenAt, Instant deadlineAt, Map<String, String> headers) {
        return new TrackedJob(jobId, type, partition, submissionOffset, firstSeenAt, deadlineAt, headers,
                Phase.WAITING, 0, 0, 0, null, "submitted", null, false);
    }

    TrackedJob waitingUntil(Instant at) {
        return copy(type, Phase.WAITING, polls, failures, requests, at, lastStatus);
    }

    TrackedJob polling() {
        return copy(type, Phase.POLLING, polls, failures, requests + 1, null, lastStatus);
    }

    /** An answer said the job still runs; any announcement of its end has been acted on. */
    TrackedJob stillRunning(String status, String reportedType) {
        return new TrackedJob(jobId, type != null ? type : reportedType, partition, submissionOffset, firstSeenAt,
                deadlineAt, headers, phase, polls + 1, 0, requests, nextPollAt, status, startedAt, false);
    }

    TrackedJob failedRequest(String status) {
        return copy(type, phase, polls, failures + 1, requests, nextPollAt, status);
    }

    TrackedJob answered(String status) {
        return copy(type, phase, polls, failures, requests, nextPollAt, status);
    }

    /** The job ended; its type is the one SpiderIQ reported if the submission did not say it. */
    TrackedJob publishing(String reportedType) {
        return copy(type != null ? type : reportedType, Phase.PUBLISHING, polls, failures, requests, null, lastStatus);
    }

    TrackedJob started(Instant when) {
        return new TrackedJob(jobId, type, partition, submissionOffset, firstSeenAt, deadlineAt, headers, phase, polls,
                failures, requests, nextPollAt, lastStatus, when, endAnnounced);
    }

    TrackedJob announcedEnded() {
        return new TrackedJob(jobId, type, partition, submissionOffset, firstSeenAt, deadlineAt, headers, phase, polls,
                failures, requests, nextPollAt, lastStatus, startedAt, true);
    }

    private TrackedJob copy(String newType, Phase newPhase, int newPolls, int newFailures, int newRequests,
            Instant newNextPollAt, String newLastStatus) {
        return new TrackedJob(jobId, newType, partition, submissionOffset, firstSeenAt, deadlineAt, headers, newPhase,
                newPolls, newFailures, newRequests, newNextPollAt, newLastStatus, startedAt, endAnnounced);
    }
}
