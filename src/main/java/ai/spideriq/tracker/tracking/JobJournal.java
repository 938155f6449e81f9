package ai.spideriq.tracker.tracking;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where the tracker makes its progress durable: Kafka in production, memory in the benchmark. Each call completes
 * only when what it wrote would survive a crash of this process.
 */
public interface JobJournal {

    /** Records that the job is in flight, so a restart resumes it. */
    Uni<Void> started(TrackedJob job);

    /**
     * Publishes the job's outcome, then records that its submission has ended, so that a replay of that submission
     * after a crash is recognised instead of tracked again.
     */
    Uni<Void> ended(TrackedJob job, Ending ending, Instant endedAt);

    /** Forgets an ended submission once the input's committed offset has passed it. */
    Uni<Void> forget(UUID jobId, int partition);
}
