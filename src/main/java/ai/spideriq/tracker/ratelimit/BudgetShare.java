package ai.spideriq.tracker.ratelimit;

import java.util.Set;

/**
 * A replica's part of the fleet's budget, by the input partitions it owns ({@link ApiRateLimiter#share}). The owner
 * of input partition 0 follows the event stream and sweeps the job list for the whole fleet
 * ({@code detection.DetectorRole}), so it counts one partition more: with a plain one-in-N part, its own jobs' polls
 * crowd out the fleet's sweeps as load rises (measured: 3 replicas sustained 40 jobs/min at p95 5 s against 60 for
 * one). Exactly one replica owns partition 0, so the parts still add up to the whole.
 *
 * @param parts what this replica counts
 * @param of    what the whole fleet counts
 */
public record BudgetShare(int parts, int of) {

    /** The input partition whose owner detects for the fleet. */
    public static final int DETECTOR_PARTITION = 0;

    public static BudgetShare of(Set<Integer> owned, int partitions) {
        int detector = owned.contains(DETECTOR_PARTITION) ? 1 : 0;
        return new BudgetShare(owned.size() + detector, Math.max(partitions, owned.size()) + 1);
    }
}
