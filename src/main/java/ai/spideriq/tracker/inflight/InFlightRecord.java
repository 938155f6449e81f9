package ai.spideriq.tracker.inflight;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import ai.spideriq.tracker.tracking.TrackedJob;

/**
 * The value of a job's record in the compacted in-flight topic: enough to resume tracking it after a restart. Key:
 * the job ID; a tombstone once its outcome is published.
 */
public record InFlightRecord(
        @JsonProperty("job_id") UUID jobId,
        String type,
        @JsonProperty("first_seen_at") Instant firstSeenAt,
        @JsonProperty("deadline_at") Instant deadlineAt,
        Map<String, String> headers) {

    static InFlightRecord of(TrackedJob job) {
        return new InFlightRecord(job.jobId(), job.type(), job.firstSeenAt(), job.deadlineAt(), job.headers());
    }

    TrackedJob toTrackedJob(int partition) {
        return TrackedJob.submitted(jobId, type, partition, firstSeenAt, deadlineAt, headers == null ? Map.of() : headers);
    }
}
