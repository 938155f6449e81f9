package ai.spideriq.tracker.tracking;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where the tracker makes its jobs durable, so a restart or the partition's next owner resumes them: the compacted
 * in-flight topic in production. Each call completes only when what it wrote would survive a crash of this process.
 */
public interface InFlightLog {

    /** Records that the job is in flight. */
    Uni<Void> started(TrackedJob job);

    /** Records that the job's submission has ended, so a replay of it after a crash is recognised. */
    Uni<Void> ended(TrackedJob job, String outcome, Instant endedAt);

    /** Forgets an ended submission once the input's committed offset has passed it. */
    Uni<Void> forget(UUID jobId, int partition);
}
