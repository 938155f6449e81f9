package ai.spideriq.tracker.client;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Whether the SpiderIQ API accepts the token, as the latest answer said. Logs each change once, so a rejected
 * token gives one clear line instead of one per poll. The token itself is never logged.
 */
@ApplicationScoped
public class ApiAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class);

    /** Token acceptance as last seen. */
    public enum State {
        UNKNOWN,
        ACCEPTED,
        REJECTED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);
    private volatile int lastRejection;

    public State state() {
        return state.get();
    }

    public int lastRejectionStatus() {
        return lastRejection;
    }

    void accepted() {
        State before = state.getAndSet(State.ACCEPTED);
        if (before == State.REJECTED) {
            LOG.info("SpiderIQ API accepts the token again; polling resumes");
        }
    }

    void rejected(int httpStatus) {
        lastRejection = httpStatus;
        if (state.getAndSet(State.REJECTED) != State.REJECTED) {
            LOG.errorf("SpiderIQ API rejected the token (HTTP %d: %s). Check SPIDERIQ_API_TOKEN; polling pauses and "
                    + "the service reports not ready until the API accepts it", httpStatus,
                    httpStatus == 403 ? "client account inactive" : "missing or invalid credentials");
        }
    }
}
