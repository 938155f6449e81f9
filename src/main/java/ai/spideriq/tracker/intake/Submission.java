package ai.spideriq.tracker.intake;

import java.util.UUID;

/**
 * A valid submission: the job to track and, when the submitter said, its type.
 *
 * @param type {@code spiderSite}, {@code spiderMaps}, or null when not given
 */
public record Submission(UUID jobId, String type) {
}
