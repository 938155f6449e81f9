package ai.spideriq.tracker.tracking;

import java.util.UUID;

/**
 * A submission whose job has ended but whose input offset may not be committed yet.
 *
 * @param offset the submission's offset in its input partition
 */
public record EndedSubmission(UUID jobId, int partition, long offset) {
}
