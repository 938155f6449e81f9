package ai.spideriq.tracker.tracking;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** Where the tracker publishes how each job ended: the outcome topics in production. */
public interface Outcomes {

    /**
     * Completes when the outcome is acknowledged; fails once retrying has stopped helping, and the job is then given up
     * by this replica (its in-flight record stays, for the partition's next owner).
     */
    Uni<Void> publish(TrackedJob job, Ending ending, Instant endedAt);
}
