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
    /**
     * Places a larger limit took as used by the part's previous owner (see {@link #limit}), oldest first. Kept apart
     * from {@link #sent} so that a part given back takes them with it.
     */
    private final List<Instant> assumed = new ArrayList<>();
    private int limit;

    SendWindow(Duration length, int limit) {
        this.length = length;
        this.limit = Math.max(0, limit);
    }

    /**
     * Changes how many may count (a share of the budget that moved). Requests already sent stay counted, so a smaller
     * limit waits until enough of them age out. A larger one comes from partitions another replica owned until now,
     * which may have spent their part lately: the added places are taken as used evenly over the last window, so they
     * free up one by one over the next instead of all at once. A smaller one gives back, with the places, what was
     * assumed of them: a replica that briefly held every partition (the first of a fleet to start) is not held back
     * by spending it only assumed, once it owns its third.
     */
    void limit(int newLimit, Instant now) {
        forgetBefore(now);
        int change = Math.max(0, newLimit) - limit;
        if (change > 0) {
            Instant start = now.minus(length);
            for (int k = 1; k <= change; k++) {
                insert(assumed, start.plus(length.multipliedBy(k).dividedBy(change + 1)));
            }
        } else if (change < 0) {
            giveBack(Math.min(-change, assumed.size()));
        }
        limit = Math.max(0, newLimit);
    }

    /** {@link Duration#ZERO} when one more may go at {@code now}, else how long until enough requests age out. */
    Duration waitAt(Instant now) {
        forgetBefore(now);
        int excess = sent.size() + assumed.size() - limit;
        if (excess < 0) {
            return Duration.ZERO;
        }
        return limit == 0 ? length : Duration.between(now, counted(excess).plus(length));
    }

    /** How many more may go at {@code now}. */
    int free(Instant now) {
        forgetBefore(now);
        return Math.max(0, limit - sent.size() - assumed.size());
    }

    void sent(Instant at) {
        insert(sent, at);
    }

    /** Drops {@code count} assumed places evenly over the window, so the rest keep freeing up one by one. */
    private void giveBack(int count) {
        int total = assumed.size();
        int keep = total - count;
        List<Instant> kept = new ArrayList<>(keep);
        for (int j = 0; j < keep; j++) {
            kept.add(assumed.get((int) ((j + 0.5) * total / keep)));
        }
        assumed.clear();
        assumed.addAll(kept);
    }

    /** The {@code index}-th oldest of all that count, sent or assumed. */
    private Instant counted(int index) {
        int s = 0;
        int a = 0;
        Instant current = null;
        for (int i = 0; i <= index; i++) {
            boolean takeSent = a >= assumed.size() || (s < sent.size() && !sent.get(s).isAfter(assumed.get(a)));
            current = takeSent ? sent.get(s++) : assumed.get(a++);
        }
        return current;
    }

    private void forgetBefore(Instant now) {
        Instant start = now.minus(length);
        forgetBefore(sent, start);
        forgetBefore(assumed, start);
    }

    private static void forgetBefore(List<Instant> times, Instant start) {
        int aged = 0;
        while (aged < times.size() && !times.get(aged).isAfter(start)) {
            aged++;
        }
        times.subList(0, aged).clear();
    }

    /** Keeps {@code times} in order: a request's send time may come a little before the last one's. */
    private static void insert(List<Instant> times, Instant at) {
        int i = times.size();
        while (i > 0 && times.get(i - 1).isAfter(at)) {
            i--;
        }
        times.add(i, at);
    }
}
