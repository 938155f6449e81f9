package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A job on the simulated timeline: queued from {@code createdAt} for {@code queueTime}, then processing for
 * {@code processingDuration}, then its outcome; unless cancelled through the API at {@code cancelledAt}.
 * Immutable; cancellation yields a new instance.
 *
 * @param jobId lower-case UUID
 * @param type job type
 * @param payloadVariant the example payload answered once completed
 * @param workerId the worker that picks the job up
 * @param createdAt when the job was submitted
 * @param queueTime time spent queued
 * @param processingDuration time spent processing
 * @param outcome how the job ends unless cancelled
 * @param cancelledAt when the job was cancelled through the API, or {@code null}
 */
public record SimulatedJob(String jobId, SimulatedJobType type, String payloadVariant, String workerId,
        Instant createdAt, Duration queueTime, Duration processingDuration,
        SimulatedOutcome outcome, Instant cancelledAt) {

    /** When a worker picks the job up. */
    public Instant startsAt() {
        return createdAt.plus(queueTime);
    }

    /** The true end time (terminal state reached): the cancellation if there was one, else the scheduled end. */
    public Instant endsAt() {
        return cancelledAt != null ? cancelledAt : startsAt().plus(processingDuration);
    }

    /** The terminal state this job reaches (or has reached). */
    public JobState finalState() {
        return cancelledAt != null ? JobState.CANCELLED : outcome.finalState();
    }

    /** The state the API reports at {@code now}. */
    public JobState stateAt(Instant now) {
        if (!now.isBefore(endsAt())) {
            return finalState();
        }
        return now.isBefore(startsAt()) ? JobState.QUEUED : JobState.PROCESSING;
    }

    /** The time of the last state change at or before {@code now}. */
    public Instant updatedAt(Instant now) {
        return switch (stateAt(now)) {
            case QUEUED -> createdAt;
            case PROCESSING -> startsAt();
            default -> endsAt();
        };
    }

    /** Whether a worker had picked the job up by its end (a job cancelled while queued never had one). */
    public boolean wasStarted() {
        return cancelledAt == null || !cancelledAt.isBefore(startsAt());
    }

    /** This job, cancelled through the API at {@code when}. */
    public SimulatedJob cancelledAt(Instant when) {
        return new SimulatedJob(jobId, type, payloadVariant, workerId, createdAt, queueTime, processingDuration,
                outcome, when);
    }
}
