package ai.spideriq.tracker.tracking;

/** What became of a submission handed to the tracker. */
public enum Registration {
    /** Newly tracked. */
    ACCEPTED,
    /** The job is already in flight here. */
    DUPLICATE,
    /** A replay of a submission whose job has already ended (the input is re-read after a crash). */
    ALREADY_ENDED;

    /** The metric tag. */
    public String wireName() {
        return name().toLowerCase();
    }
}
