package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ai.spideriq.tracker.client.JobListAnswer.ListedJob;

/**
 * How far back the previous sweeps have read the job list, so that a sweep pages back only to there and acts on each
 * status change once. A list is eventually consistent, so the mark keeps an overlap: changes up to {@code overlap}
 * older than the newest one seen are read again, and the ones already acted on are recognised by job and time.
 * Not thread-safe: the sweeper calls it under its own lock.
 */
final class SweepWatermark {

    private final Duration overlap;
    private final Map<UUID, Instant> seen = new HashMap<>();
    private Instant newest;

    SweepWatermark(Duration overlap) {
        this.overlap = overlap;
    }

    /** Whether this change is one no sweep has seen yet. Before the first sweep, every change is new. */
    boolean isNew(ListedJob job) {
        return !job.updatedAt().equals(seen.get(job.jobId())) && !isBehind(job);
    }

    /** Whether the change lies before what earlier sweeps read completely: paging back further finds nothing new. */
    boolean isBehind(ListedJob job) {
        return newest != null && job.updatedAt().isBefore(newest.minus(overlap));
    }

    /** Remembers a change as seen. */
    void saw(ListedJob job) {
        seen.put(job.jobId(), job.updatedAt());
    }

    /** Moves the mark to the newest change a sweep saw, and forgets changes that fall behind it. */
    void advanceTo(Instant newestSeen) {
        if (newestSeen != null && (newest == null || newestSeen.isAfter(newest))) {
            newest = newestSeen;
        }
        if (newest != null) {
            Instant horizon = newest.minus(overlap);
            seen.values().removeIf(at -> at.isBefore(horizon));
        }
    }
}
