package ai.spideriq.tracker.client;

/**
 * The event stream was refused or broke. Says what happened by status and kind only: the stream's URL carries the
 * token, so the underlying exception (whose message may quote the URL) is never passed on.
 *
 * @see SpiderIqClient#events()
 */
public final class EventStreamException extends RuntimeException {

    private final String reason;

    EventStreamException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** {@code http 401}, {@code http 502}, {@code io_error}...: low-cardinality, safe to log and to tag. */
    public String reason() {
        return reason;
    }
}
