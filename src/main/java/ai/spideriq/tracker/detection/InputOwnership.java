package ai.spideriq.tracker.detection;

import java.util.Set;

/**
 * Which input partitions this replica owns, told after every assignment, revocation or loss. Detection for the fleet
 * follows the ownership of one partition, so exactly one replica of a consumer group does it at a time.
 */
public interface InputOwnership {

    /** The input partitions this replica owns now (empty when it owns none). */
    void owning(Set<Integer> partitions);
}
