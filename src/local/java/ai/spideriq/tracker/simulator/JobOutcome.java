package ai.spideriq.tracker.simulator;

import java.util.Arrays;

/** How a simulated job ends if nobody cancels it first. */
public enum JobOutcome {
    COMPLETED(JobState.COMPLETED),
    FAILED(JobState.FAILED),
    CANCELLED(JobState.CANCELLED);

    private final JobState finalState;

    JobOutcome(JobState finalState) {
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
    public static JobOutcome fromWireName(String name) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown outcome: " + name));
    }
}
