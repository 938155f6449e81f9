package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * What a caller asks of a simulated job; every {@code null} part is drawn by the simulator.
 *
 * @param jobId the job id (a UUID), or {@code null} for one drawn from the seeded random
 * @param type the job type, or {@code null} for {@link SimulatedJobType#SPIDER_SITE}
 * @param queueTime how long the job stays {@code queued}, or {@code null} to draw it
 * @param processingDuration how long the job stays {@code processing}, or {@code null} to draw it
 * @param outcome how the job ends, or {@code null} to draw it from the outcome mix
 * @param payloadVariant the example payload a completed job answers with (e.g. {@code site-full-champ}),
 *        or {@code null} to pick one of the docs' examples of the type
 */
public record JobSpec(String jobId, SimulatedJobType type, Duration queueTime, Duration processingDuration,
        SimulatedOutcome outcome, String payloadVariant) {

    /** A spec drawing everything, of the given type. */
    public static JobSpec of(SimulatedJobType type) {
        return new JobSpec(null, type, null, null, null, null);
    }

    /** A spec drawing everything, of type spiderSite. */
    public static JobSpec drawn() {
        return of(SimulatedJobType.SPIDER_SITE);
    }

    public JobSpec withJobId(String id) {
        return new JobSpec(id, type, queueTime, processingDuration, outcome, payloadVariant);
    }

    public JobSpec withType(SimulatedJobType newType) {
        return new JobSpec(jobId, newType, queueTime, processingDuration, outcome, payloadVariant);
    }

    public JobSpec withQueueTime(Duration time) {
        return new JobSpec(jobId, type, time, processingDuration, outcome, payloadVariant);
    }

    public JobSpec withProcessingDuration(Duration duration) {
        return new JobSpec(jobId, type, queueTime, duration, outcome, payloadVariant);
    }

    /** Fixes both phases: queued for {@code queue}, then processing for {@code processing}. */
    public JobSpec withTimes(Duration queue, Duration processing) {
        return withQueueTime(queue).withProcessingDuration(processing);
    }

    public JobSpec withOutcome(SimulatedOutcome newOutcome) {
        return new JobSpec(jobId, type, queueTime, processingDuration, newOutcome, payloadVariant);
    }

    public JobSpec withPayloadVariant(String variant) {
        return new JobSpec(jobId, type, queueTime, processingDuration, outcome, variant);
    }
}
