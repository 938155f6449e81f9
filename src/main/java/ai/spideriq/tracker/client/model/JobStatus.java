package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** SpiderIQ job status; {@link #UNKNOWN} stands for any value newer than this client. */
public enum JobStatus {
    QUEUED("queued"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True once the job will not change any more (completed, failed or cancelled). */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * Maps a wire value to a status; anything unrecognised (null included) is {@link #UNKNOWN}.
     * Being the creator, it makes the fallback independent of READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE,
     * which {@code @JsonEnumDefaultValue} alone would need.
     */
    @JsonCreator
    public static JobStatus fromWire(String wire) {
        for (JobStatus status : values()) {
            if (status.wireName.equals(wire)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
