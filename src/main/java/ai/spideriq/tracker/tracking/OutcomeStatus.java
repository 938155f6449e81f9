package ai.spideriq.tracker.tracking;

import com.fasterxml.jackson.annotation.JsonValue;

import ai.spideriq.tracker.client.JobStatus;

/** How a job ended, as the {@code status} field says; each has its own topic. */
public enum OutcomeStatus {
    COMPLETED,
    FAILED,
    CANCELLED;

    public static OutcomeStatus of(JobStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            default -> FAILED;
        };
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
