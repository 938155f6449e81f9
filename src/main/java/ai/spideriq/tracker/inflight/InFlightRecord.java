package ai.spideriq.tracker.inflight;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import ai.spideriq.tracker.tracking.EndedSubmission;
import ai.spideriq.tracker.tracking.TrackedJob;

/**
 * The value of a job's record in the compacted in-flight topic, keyed by job ID. While the job is in flight it holds
 * what resuming it needs; once the outcome is published it says so ({@code ended_at}, {@code outcome}) until the
 * input's committed offset passes the submission, and then a tombstone removes it.
 *
 * @param submissionOffset offset of the submission in its input partition (the same partition number as this record)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InFlightRecord(
        @JsonProperty("job_id") UUID jobId,
        String type,
        @JsonProperty("submission_offset") long submissionOffset,
        @JsonProperty("first_seen_at") Instant firstSeenAt,
        @JsonProperty("deadline_at") Instant deadlineAt,
        Map<String, String> headers,
        @JsonProperty("ended_at") Instant endedAt,
        String outcome) {

    static InFlightRecord inFlight(TrackedJob job) {
        return new InFlightRecord(job.jobId(), job.type(), job.submissionOffset(), job.firstSeenAt(),
                job.deadlineAt(), job.headers(), null, null);
    }

    static InFlightRecord ended(TrackedJob job, String outcome, Instant endedAt) {
        return new InFlightRecord(job.jobId(), job.type(), job.submissionOffset(), job.firstSeenAt(),
                job.deadlineAt(), Map.of(), endedAt, outcome);
    }

    boolean hasEnded() {
        return endedAt != null;
    }

    TrackedJob toTrackedJob(int partition) {
        return TrackedJob.submitted(jobId, type, partition, submissionOffset, firstSeenAt, deadlineAt,
                headers == null ? Map.of() : headers);
    }

    EndedSubmission toEndedSubmission(int partition) {
        return new EndedSubmission(jobId, partition, submissionOffset);
    }
}
