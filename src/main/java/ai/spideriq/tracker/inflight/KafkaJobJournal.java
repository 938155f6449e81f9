package ai.spideriq.tracker.inflight;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.spideriq.tracker.outcome.JobOutcome;
import ai.spideriq.tracker.outcome.OutcomePublisher;
import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.JobJournal;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;

/**
 * The journal on Kafka. The ended record is written only after the outcome is acknowledged: a crash in between
 * publishes the outcome again after the restart (at least once), never loses it.
 */
@ApplicationScoped
public class KafkaJobJournal implements JobJournal {

    private final InFlightStore inFlight;
    private final OutcomePublisher outcomes;

    public KafkaJobJournal(InFlightStore inFlight, OutcomePublisher outcomes) {
        this.inFlight = inFlight;
        this.outcomes = outcomes;
    }

    @Override
    public Uni<Void> started(TrackedJob job) {
        return inFlight.write(job);
    }

    @Override
    public Uni<Void> ended(TrackedJob job, Ending ending, Instant endedAt) {
        // The ended record retries on its own: retrying the whole step would publish the outcome twice.
        return outcomes.publish(job, JobOutcome.of(job, ending, endedAt))
                .chain(() -> inFlight.writeEnded(job, ending.outcome(), endedAt).onFailure().retry()
                        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely());
    }

    @Override
    public Uni<Void> forget(UUID jobId, int partition) {
        return inFlight.remove(jobId, partition);
    }
}
