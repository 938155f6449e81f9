package ai.spideriq.tracker.intake;

/**
 * A submitted record the tracker cannot use. Its message, which the dead-letter topic carries in the
 * {@code dead-letter-reason} header, starts with the reason code.
 */
public final class RejectedSubmission extends RuntimeException {

    /** Why a record went to the dead-letter topic; the code is the {@code spideriq-rejection-reason} header. */
    public enum Reason {
        EMPTY_RECORD,
        RECORD_TOO_LARGE,
        MALFORMED_JSON,
        MISSING_JOB_ID,
        INVALID_JOB_ID,
        UNKNOWN_JOB_TYPE,
        KEY_MISMATCH;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    private final Reason reason;

    RejectedSubmission(Reason reason, String detail) {
        super(reason.wireName() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
