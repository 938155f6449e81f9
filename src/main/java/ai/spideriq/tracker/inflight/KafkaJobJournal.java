package ai.spideriq.tracker.inflight;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.outcome.JobOutcome;
import ai.spideriq.tracker.outcome.OutcomePublisher;
import ai.spideriq.tracker.outcome.WriteRetry;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.JobJournal;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;

/**
 * The journal on Kafka. The ended record is written only after the outcome is acknowledged: a crash in between
 * publishes the outcome again after the restart (at least once), never loses it. The outcome is retried for
 * {@code spideriq.outcomes.publish-retry-for}; past it, {@link #ended} fails and the job is given up by this replica,
 * while its in-flight record stays for the next owner of the partition.
 */
@ApplicationScoped
public class KafkaJobJournal implements JobJournal {

    private static final String IN_FLIGHT = "in-flight";

    private final InFlightStore inFlight;
    private final OutcomePublisher outcomes;
    private final WriteRetry retry;
    private final TrackerMetrics metrics;
    private final Duration retryFor;

    public KafkaJobJournal(InFlightStore inFlight, OutcomePublisher outcomes, TrackerMetrics metrics,
            TrackerConfig config) {
        this.inFlight = inFlight;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.retry = new WriteRetry(metrics.publish());
        this.retryFor = config.outcomes().publishRetryFor();
    }

    @Override
    public Uni<Void> started(TrackedJob job) {
        return inFlight.write(job);
    }

    @Override
    public Uni<Void> ended(TrackedJob job, Ending ending, Instant endedAt) {
        JobOutcome outcome = JobOutcome.of(job, ending, endedAt);
        String topic = OutcomePublisher.channelOf(outcome);
        // The ended record retries on its own: retrying the whole step would publish the outcome twice.
        return retry.bounded(outcomes.publish(job, outcome), topic, "the outcome", job.jobId(), retryFor)
                .onFailure().invoke(() -> metrics.publish().unpublished(topic, 1))
                .chain(() -> retry.bounded(inFlight.writeEnded(job, ending.outcome(), endedAt), IN_FLIGHT,
                        "the ended record", job.jobId(), retryFor)
                        // The outcome is out; without the ended record a restart only publishes it once more.
                        .onFailure().recoverWithNull());
    }

    @Override
    public Uni<Void> forget(UUID jobId, int partition) {
        return inFlight.remove(jobId, partition);
    }
}
