package ai.spideriq.tracker.simulator;

import java.util.Arrays;

/**
 * How a simulated job ends if nobody cancels it first; the tracker's outcome record is
 * {@link ai.spideriq.tracker.outcome.JobOutcome}.
 */
public enum SimulatedOutcome {
    COMPLETED(JobState.COMPLETED),
    FAILED(JobState.FAILED),
    CANCELLED(JobState.CANCELLED);

    private final JobState finalState;

    SimulatedOutcome(JobState finalState) {
        this.finalState = finalState;
    }

    /** The terminal state this outcome leads to. */
    public JobState finalState() {
        return finalState;
    }

    /** The lower-case name used in JSON ({@code completed}, ...). */
    public String wireName() {
        return finalState.wireName();
    }

    /** Parses a wire name (case-insensitive). */
    public static SimulatedOutcome fromWireName(String name) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown outcome: " + name));
    }
}
