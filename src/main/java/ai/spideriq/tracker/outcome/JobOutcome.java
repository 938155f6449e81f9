package ai.spideriq.tracker.outcome;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import ai.spideriq.tracker.client.JobResults;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.FailureReason;
import ai.spideriq.tracker.tracking.OutcomeStatus;
import ai.spideriq.tracker.tracking.TrackedJob;

/**
 * The one envelope of the three outcome topics. The fields of SpiderIQ's own results response stay at the top level,
 * so consumers recognise them; {@code reason} is set on the failed topic only.
 *
 * @param status {@code completed}, {@code failed} or {@code cancelled}: also which topic carries it
 * @param data the results' {@code data} as SpiderIQ sent it, on completed; null otherwise
 * @param tracking what the tracker saw of the job
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobOutcome(
        @JsonProperty("job_id") UUID jobId,
        String type,
        OutcomeStatus status,
        @JsonProperty("processing_time_seconds") Double processingTimeSeconds,
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("error_message") String errorMessage,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) FailureReason reason,
        Tracking tracking) {

    /**
     * @param firstSeenAt when this tracker first saw the submission
     * @param endedAt when it saw the job end
     * @param apiRequests how many SpiderIQ API requests the job cost
     */
    public record Tracking(
            @JsonProperty("first_seen_at") Instant firstSeenAt,
            @JsonProperty("ended_at") Instant endedAt,
            @JsonProperty("api_requests") int apiRequests) {
    }

    public static JobOutcome of(TrackedJob job, Ending ending, Instant endedAt) {
        Tracking tracking = new Tracking(job.firstSeenAt(), endedAt, job.requests());
        if (ending.isReported()) {
            JobResults r = ending.results();
            String type = r.typeName() != null ? r.typeName() : job.type();
            return new JobOutcome(job.jobId(), type, ending.status(), r.processingTimeSeconds(), r.workerId(),
                    r.completedAt(), r.errorMessage(), ending.status() == OutcomeStatus.COMPLETED ? r.data() : null,
                    ending.reason(), tracking);
        }
        String message = ending.reason() == FailureReason.JOB_NOT_FOUND
                ? "SpiderIQ does not know this job (404 past the grace period)"
                : "The job did not end within the tracking deadline (first seen " + job.firstSeenAt() + ")";
        return new JobOutcome(job.jobId(), job.type(), ending.status(), null, null, null, message, null,
                ending.reason(), tracking);
    }
}
