package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Where this replica's tokens come from: the fleet's one {@link SharedTokens} bucket while it answers (with
 * {@code spideriq.rate-limit.store=redis}), else this replica's {@link OwnedShare}. Every request counts in the share's
 * window whatever its source, and the share's bucket is emptied at each switch to it, so falling back adds no burst.
 * Not thread-safe: the limiter calls it under its lock.
 */
final class TokenSource {

    private final OwnedShare owned;
    private final int burst;
    /** Null for the ownership share alone. */
    private SharedTokens shared;
    /** Whether the last token came from the shared bucket: its loss empties the local one. */
    private boolean fromShared = true;

    TokenSource(OwnedShare owned, int burst) {
        this.owned = owned;
        this.burst = burst;
    }

    void useShared(SharedTokens tokens) {
        this.shared = tokens;
    }

    /** @return {@link Duration#ZERO} when a token was taken, else how long until one may be */
    Duration tryTake(Instant now) {
        Duration wait = shared == null ? null : shared.tryTake();
        if (wait == null && fromShared && shared != null) {
            owned.empty();
        }
        fromShared = wait != null;
        if (wait == null) {
            wait = owned.tryTake(now);
        }
        if (wait.isZero()) {
            owned.sent(now);
        }
        return wait;
    }

    /** Requests that may go at once now. */
    long available(Instant now) {
        return sharedUp() ? shared.tokensLeft() : owned.available(now);
    }

    /** The most that may go at once. */
    long capacity() {
        return sharedUp() ? burst : owned.capacity();
    }

    /**
     * Spends tokens down to what the server says is left of the account's budget; how many this replica's share
     * spent.
     */
    long spendDownTo(long remaining) {
        if (shared != null) {
            shared.observeRemaining(remaining);
        }
        return owned.spendDownTo(remaining);
    }

    /** Until when another replica paused the fleet (a 429 it got); {@link Instant#MIN} without a fleet bucket. */
    Instant fleetPausedUntil() {
        return shared == null ? Instant.MIN : shared.pausedUntil();
    }

    void pauseFleetUntil(Instant until) {
        if (shared != null) {
            shared.pauseUntil(until);
        }
    }

    private boolean sharedUp() {
        return shared != null && shared.up();
    }
}
