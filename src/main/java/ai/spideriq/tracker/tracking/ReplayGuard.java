package ai.spideriq.tracker.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submissions whose job has ended but whose input offset may not be committed yet. After a crash the input is read
 * again from the last commit; these let the tracker recognise such replays instead of tracking ended jobs again.
 * Confined to the tracker's context, like the rest of its state.
 */
final class ReplayGuard {

    private final Map<UUID, EndedSubmission> byJob = new HashMap<>();

    void add(EndedSubmission submission) {
        byJob.put(submission.jobId(), submission);
    }

    /**
     * Whether a submission is a replay of one that ended. A newer submission of the same job is not, and it replaces
     * the ended one (its in-flight record takes the same key).
     */
    boolean isReplay(UUID jobId, int partition, long offset) {
        EndedSubmission done = byJob.get(jobId);
        if (done == null || done.partition() != partition) {
            return false;
        }
        if (offset <= done.offset()) {
            return true;
        }
        byJob.remove(jobId);
        return false;
    }

    void dropPartitions(Collection<Integer> partitions) {
        byJob.values().removeIf(e -> partitions.contains(e.partition()));
    }

    /** Removes and answers the ones the committed offsets (next offset to read, per partition) have passed. */
    List<EndedSubmission> removeCommitted(Map<Integer, Long> committed) {
        List<EndedSubmission> passed = new ArrayList<>();
        byJob.values().removeIf(e -> {
            Long next = committed.get(e.partition());
            boolean done = next != null && e.offset() < next;
            if (done) {
                passed.add(e);
            }
            return done;
        });
        return passed;
    }
}
