package ai.spideriq.tracker.detection;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record of the hints topic, small JSON keyed by the job ID (or by the sender for the periodic kinds).
 *
 * @param kind {@code ended} or {@code started} (a job, from the detecting replica), {@code coverage} (its
 *        heartbeat: whether the stream is up and the sweeps work), {@code awaiting} (a replica still
 *        awaits word of some job's end)
 * @param from the sending replica's instance ID: a replica ignores its own hints, which it applied already
 * @param jobId the job, for {@code ended} and {@code started}
 * @param streaming for {@code coverage}: the event stream is up
 * @param sweeping for {@code coverage}: the job-list sweeps work
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hint(String kind, String from, UUID jobId, Boolean streaming, Boolean sweeping) {

    public static final String ENDED = "ended";
    public static final String STARTED = "started";
    public static final String COVERAGE = "coverage";
    public static final String AWAITING = "awaiting";

    static Hint ended(UUID jobId) {
        return new Hint(ENDED, null, jobId, null, null);
    }

    static Hint started(UUID jobId) {
        return new Hint(STARTED, null, jobId, null, null);
    }

    static Hint coverage(boolean streaming, boolean sweeping) {
        return new Hint(COVERAGE, null, null, streaming, sweeping);
    }

    static Hint awaiting() {
        return new Hint(AWAITING, null, null, null, null);
    }

    /** This hint as sent by {@code instance}. */
    Hint from(String instance) {
        return new Hint(kind, instance, jobId, streaming, sweeping);
    }

    /** The record key: the job, else the sender. */
    String key() {
        return jobId != null ? jobId.toString() : from;
    }
}
