package ai.spideriq.tracker.client;

/** SpiderIQ job status, as the {@code status} field of a results body carries it. */
public enum JobStatus {
    QUEUED("queued"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** Any value newer than this tracker. */
    UNKNOWN("unknown");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API uses, {@code unknown} for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    /** True once the job will not change any more (completed, failed or cancelled). */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Looks a wire name up; anything unrecognised (null included) is {@link #UNKNOWN}. */
    public static JobStatus fromWire(String wire) {
        for (JobStatus status : values()) {
            if (status.wireName.equals(wire)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
