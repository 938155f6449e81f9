package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests sent lately: one more may go while fewer than {@code limit} count. It is what lets the token bucket
 * refill at the full budget: a bucket alone that never exceeds the window must refill at the window less its burst
 * (90 a minute with a burst of 10 sustains 80), since a full bucket spent at once and a minute's refill would
 * otherwise both fall in one window. A request counts for {@code length}: the server's window and the time it may take
 * to get there, since the server counts it on arrival. Not thread-safe: the limiter calls it under its lock.
 */
final class SendWindow {

    private final Duration length;
    /** When the requests that still count were sent (or taken to be), oldest first. */
    private final List<Instant> sent = new ArrayList<>();
    private int limit;

    SendWindow(Duration length, int limit) {
        this.length = length;
        this.limit = Math.max(0, limit);
    }

    /**
     * Changes how many may count (a share of the budget that moved). Requests already counted stay counted, so a
     * smaller limit waits until enough of them age out. A larger one comes from partitions another replica owned until
     * now, which may have spent their part lately: the added places are taken as used evenly over the last window, so
     * they free up one by one over the next instead of all at once.
     */
    void limit(int newLimit, Instant now) {
        int added = Math.max(0, newLimit) - limit;
        Instant start = now.minus(length);
        for (int k = 1; k <= added; k++) {
            count(start.plus(length.multipliedBy(k).dividedBy(added + 1)));
        }
        limit = Math.max(0, newLimit);
    }

    /** {@link Duration#ZERO} when one more may go at {@code now}, else how long until enough requests age out. */
    Duration waitAt(Instant now) {
        forgetBefore(now);
        int excess = sent.size() - limit;
        if (excess < 0) {
            return Duration.ZERO;
        }
        return limit == 0 ? length : Duration.between(now, sent.get(excess).plus(length));
    }

    /** How many more may go at {@code now}. */
    int free(Instant now) {
        forgetBefore(now);
        return Math.max(0, limit - sent.size());
    }

    void sent(Instant at) {
        count(at);
    }

    private void forgetBefore(Instant now) {
        Instant start = now.minus(length);
        int aged = 0;
        while (aged < sent.size() && !sent.get(aged).isAfter(start)) {
            aged++;
        }
        sent.subList(0, aged).clear();
    }

    /** Keeps {@link #sent} in order: the places added by {@link #limit} fall among earlier requests. */
    private void count(Instant at) {
        int i = sent.size();
        while (i > 0 && sent.get(i - 1).isAfter(at)) {
            i--;
        }
        sent.add(i, at);
    }
}
