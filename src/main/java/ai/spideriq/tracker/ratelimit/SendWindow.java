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
    /** When the requests that still count were sent, oldest first (the older ones are dropped as they age out). */
    private final List<Instant> sent = new ArrayList<>();
    /**
     * Places a larger limit took as used by the part's previous owner (see {@link #limit}), kept apart from
     * {@link #sent} so that a part given back takes them with it, and as ramps rather than one entry each: a limit may
     * be large (a budget raised for a test of the pipeline's ceiling).
     */
    private final List<AssumedRamp> assumed = new ArrayList<>();
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
            assumed.add(new AssumedRamp(now, now.plus(length), change));
        } else if (change < 0) {
            giveBack(-change, now);
        }
        limit = Math.max(0, newLimit);
    }

    /** {@link Duration#ZERO} when one more may go at {@code now}, else how long until enough requests age out. */
    Duration waitAt(Instant now) {
        forgetBefore(now);
        if (counted(now) < limit) {
            return Duration.ZERO;
        }
        if (limit == 0) {
            return length;
        }
        // Everything counted now has aged out a window from now: search the first moment that leaves a place free.
        long low = 0;
        long high = length.toNanos();
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (counted(now.plusNanos(mid)) < limit) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return Duration.ofNanos(high);
    }

    /** How many more may go at {@code now}. */
    int free(Instant now) {
        forgetBefore(now);
        return (int) Math.max(0, limit - counted(now));
    }

    void sent(Instant at) {
        int i = sent.size();
        while (i > 0 && sent.get(i - 1).isAfter(at)) {
            i--; // a request's send time may come a little before the last one's
        }
        sent.add(i, at);
    }

    /** Requests sent and places assumed that still count at {@code at} (not before the last {@link #forgetBefore}). */
    private long counted(Instant at) {
        return sent.size() - agedOut(at.minus(length)) + assumedAt(at);
    }

    /** How many of {@link #sent} were sent at or before {@code start} (they no longer count): a binary search. */
    private int agedOut(Instant start) {
        int low = 0;
        int high = sent.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sent.get(mid).isAfter(start)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private long assumedAt(Instant at) {
        long places = 0;
        for (AssumedRamp ramp : assumed) {
            places += ramp.remainingAt(at);
        }
        return places;
    }

    /** Drops {@code count} assumed places, each ramp by its part, so the rest keep freeing up one by one. */
    private void giveBack(int count, Instant now) {
        long total = assumedAt(now);
        if (total == 0) {
            return;
        }
        double keep = Math.max(0, total - count) / (double) total;
        List<AssumedRamp> kept = new ArrayList<>();
        for (AssumedRamp ramp : assumed) {
            long places = Math.round(ramp.remainingAt(now) * keep);
            if (places > 0) {
                kept.add(new AssumedRamp(now, ramp.until(), places));
            }
        }
        assumed.clear();
        assumed.addAll(kept);
    }

    private void forgetBefore(Instant now) {
        sent.subList(0, agedOut(now.minus(length))).clear();
        assumed.removeIf(ramp -> !ramp.until().isAfter(now));
    }

    /**
     * {@code places} taken as used, aging out one by one evenly over ({@code from}, {@code until}): the k-th of them at
     * {@code from + (until - from) * k / (places + 1)}.
     */
    private record AssumedRamp(Instant from, Instant until, long places) {

        long remainingAt(Instant at) {
            if (!at.isAfter(from)) {
                return places;
            }
            if (!at.isBefore(until)) {
                return 0;
            }
            double elapsed = Duration.between(from, at).toNanos() / (double) Duration.between(from, until).toNanos();
            return Math.max(0, places - (long) Math.floor(elapsed * (places + 1)));
        }
    }
}
