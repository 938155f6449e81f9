package ai.spideriq.tracker.tracking;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Where the tracker makes its progress durable: Kafka in production, memory in the benchmark. Both calls complete
 * only when what they wrote would survive a crash of this process.
 */
public interface JobJournal {

    /** Records that the job is in flight, so a restart resumes it. */
    Uni<Void> started(TrackedJob job);

    /** Publishes the job's outcome, then forgets the job. */
    Uni<Void> ended(TrackedJob job, Ending ending, Instant endedAt);
}
