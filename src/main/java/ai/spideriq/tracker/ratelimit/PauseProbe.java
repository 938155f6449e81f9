package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * After a pause the server may still limit, and a full bucket spent at once would only collect 429s: so one request,
 * the probe, goes first, and the others wait for its answer. A limited answer (429, 401, 403) means another pause and
 * another probe; any other answer releases the bucket's pace. A probe unanswered (timeout, connection error, or
 * nothing within {@code timeout}) lets the next probe go. An answer is taken to be the probe's while one is in
 * flight: a late answer of a request sent before the pause can only re-pause (a 429) or end probing one request
 * early. Not thread-safe: the limiter calls it under its lock.
 */
final class PauseProbe {

    private final Duration timeout;
    /** Set by every pause: the next request after it is a probe. */
    private boolean probing;
    /** When the probe in flight was sent; null when none is. */
    private Instant sentAt;

    /** @param timeout how long a probe may go unanswered before another is let go: the request timeout */
    PauseProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** A pause began: the next request is a probe. */
    void paused() {
        probing = true;
        sentAt = null;
    }

    /** {@link Duration#ZERO} when a request may go, else how long the probe in flight may still take. */
    Duration waitAt(Instant now) {
        if (!probing || sentAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, sentAt.plus(timeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void sent(Instant at) {
        if (probing) {
            sentAt = at;
        }
    }

    void answered(boolean limited) {
        if (sentAt == null) {
            return;
        }
        sentAt = null;
        if (!limited) {
            probing = false;
        }
    }

    void unanswered() {
        sentAt = null;
    }

    boolean probing() {
        return probing;
    }
}
