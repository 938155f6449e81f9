package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The send times of the last {@code limit} requests: one more may go once the oldest of them is a window old, so no
 * window (60 s) ever holds more than {@code limit}. It is what lets the token bucket refill at the full budget: a
 * bucket alone that never exceeds the window must refill at the window less its burst (90 a minute with a burst of
 * 10 sustains 80), since a full bucket spent at once and a minute's refill would otherwise both fall in one window.
 * Not thread-safe: the limiter calls it under its lock.
 */
final class SendWindow {

    private final Duration length;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private int limit;

    SendWindow(Duration length, int limit) {
        this.length = length;
        limit(limit);
    }

    /** Changes how many the window holds (a share of the budget that moved). The latest send times are kept. */
    void limit(int limit) {
        this.limit = Math.max(1, limit);
        while (sent.size() > this.limit) {
            sent.removeFirst();
        }
    }

    /** {@link Duration#ZERO} when one more may go at {@code now}, else how long until the oldest leaves the window. */
    Duration waitAt(Instant now) {
        if (sent.size() < limit) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, sent.peekFirst().plus(length));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** How many more may go at {@code now}: the limit less the sends still within the window. */
    int free(Instant now) {
        Instant start = now.minus(length);
        return limit - (int) sent.stream().filter(at -> at.isAfter(start)).count();
    }

    void sent(Instant at) {
        if (sent.size() == limit) {
            sent.removeFirst();
        }
        sent.addLast(at);
    }
}
