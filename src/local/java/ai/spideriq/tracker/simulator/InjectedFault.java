package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * A scripted failure: the next {@code count} API responses get {@code status}, whatever the job's state.
 *
 * @param status HTTP status to answer (e.g. 500, 503, 429)
 * @param count how many responses
 * @param retryAfter the {@code Retry-After} to send (rounded up to whole seconds), or {@code null} for none
 */
public record InjectedFault(int status, int count, Duration retryAfter) {

    public InjectedFault {
        if (status < 100 || status > 599 || count < 1) {
            throw new IllegalArgumentException("Need an HTTP status and a positive count");
        }
    }
}
