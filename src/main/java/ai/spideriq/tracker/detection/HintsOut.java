package ai.spideriq.tracker.detection;

/** Where a replica sends what it tells the fleet. Never blocks and never throws: a hint lost costs only speed. */
public interface HintsOut {

    void publish(Hint hint);
}
