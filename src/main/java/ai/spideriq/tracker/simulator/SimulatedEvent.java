package ai.spideriq.tracker.simulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;

/**
 * One announcement of the account-wide event stream ({@code GET /api/v1/events/stream}): a job started, completed
 * or failed. Cancellations have no event, as in the real API.
 *
 * @param name {@code job.started}, {@code job.completed} or {@code job.failed}
 * @param jobId the job's id (lower-case UUID)
 * @param type the job's type
 * @param at when the job's state changed (not when the stream delivered it)
 */
public record SimulatedEvent(String name, String jobId, JobType type, Instant at) {

    public static final String STARTED = "job.started";
    public static final String COMPLETED = "job.completed";
    public static final String FAILED = "job.failed";

    public SimulatedEvent {
        if (!STARTED.equals(name) && !COMPLETED.equals(name) && !FAILED.equals(name)) {
            throw new IllegalArgumentException("Unknown event: " + name);
        }
    }

    /** The event announcing that {@code job} was picked up, at its start. */
    static SimulatedEvent started(SimulatedJob job) {
        return new SimulatedEvent(STARTED, job.jobId(), job.type(), job.startsAt());
    }

    /** The event announcing how {@code job} ends, at its end; {@code null} for an outcome the API does not announce. */
    static SimulatedEvent ended(SimulatedJob job) {
        return switch (job.finalState()) {
            case COMPLETED -> new SimulatedEvent(COMPLETED, job.jobId(), job.type(), job.endsAt());
            case FAILED -> new SimulatedEvent(FAILED, job.jobId(), job.type(), job.endsAt());
            default -> null;
        };
    }

    /** The job state this event announces. */
    public JobState state() {
        return switch (name) {
            case STARTED -> JobState.PROCESSING;
            case COMPLETED -> JobState.COMPLETED;
            default -> JobState.FAILED;
        };
    }

    /**
     * Whether the event is still true of {@code job} as it is now: a cancellation through the API makes a queued
     * job's start and a running job's end stale, since the job never got there.
     */
    boolean stillTrueOf(SimulatedJob job) {
        return state() == JobState.PROCESSING ? job.wasStarted() : job.finalState() == state();
    }

    /** The SSE {@code data} line: {@code {"event":...,"job_id":...,"type":...,"status":...,"timestamp":...}}. */
    public String dataJson() {
        return "{\"event\":\"" + name + "\",\"job_id\":\"" + quote(jobId) + "\",\"type\":\"" + type.wireName()
                + "\",\"status\":\"" + state().wireName() + "\",\"timestamp\":\"" + at + "\"}";
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
