package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import ai.spideriq.tracker.time.InstantSourceTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * This replica's part of the budget, by the fraction of the input partitions it owns: a Bucket4j bucket (the share's
 * burst at once, refilled at the share's requests a minute) and a {@link SendWindow} (no 60 s holds more than the
 * share's requests). Both must allow a request. Not thread-safe: the limiter calls it under its lock.
 */
final class OwnedShare {

    private final int requestsPerMinute;
    private final int burst;
    private final Bucket bucket;
    private final SendWindow window;
    private final InstantSource clock;
    private double fraction;

    OwnedShare(int requestsPerMinute, int burst, InstantSource clock, double fraction) {
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
        this.fraction = fraction;
        this.clock = clock;
        this.bucket = Bucket.builder().addLimit(limit(fraction > 0 ? fraction : 1))
                .withCustomTimePrecision(new InstantSourceTimeMeter(clock)).build();
        this.window = new SendWindow(ApiRateLimiter.COUNTED, windowLimit());
    }

    /**
     * The bucket keeps its tokens up to the new capacity (never gains any), and a replica that owned nothing starts
     * empty: tokens gathered while it owned nothing were another replica's to spend. The window keeps its send times,
     * and a part that grows frees up over a minute (see {@link SendWindow#limit}): the partitions' previous owner may
     * have spent it. So the fleet stays within the budget across rebalances and takeovers.
     */
    void resize(double newFraction) {
        if (newFraction > 0) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(limit(newFraction)).build(),
                    TokensInheritanceStrategy.AS_IS);
            if (fraction <= 0) {
                empty();
            }
        }
        fraction = newFraction;
        window.limit(windowLimit(), clock.instant());
    }

    double fraction() {
        return fraction;
    }

    /** The most this replica sends in any 60 seconds. */
    double budgetPerMinute() {
        return requestsPerMinute * fraction;
    }

    /** Whole requests: the parts of the fleet's replicas never add up to more than the budget. */
    int windowLimit() {
        return fraction <= 0 ? 0 : windowLimit(fraction);
    }

    /** @return {@link Duration#ZERO} when a token was taken, else how long until one may be */
    Duration tryTake(Instant now) {
        Duration wait = window.waitAt(now);
        if (!wait.isZero()) {
            // Whichever frees up last: asked again sooner, the caller would only be told to wait again.
            long refill = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return wait.toNanos() >= refill ? wait : Duration.ofNanos(refill);
        }
        ConsumptionProbe token = bucket.tryConsumeAndReturnRemaining(1);
        return token.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, token.getNanosToWaitForRefill()));
    }

    /** Counts a request in the window, whatever bucket its token came from. */
    void sent(Instant at) {
        window.sent(at);
    }

    /** Spends every token in the bucket (a switch from the fleet's bucket must add no burst). */
    void empty() {
        bucket.tryConsumeAsMuchAsPossible();
    }

    /** Spends tokens down to {@code remaining}; how many it spent. */
    long spendDownTo(long remaining) {
        long excess = bucket.getAvailableTokens() - Math.max(0, remaining);
        return excess > 0 ? bucket.tryConsumeAsMuchAsPossible(excess) : 0;
    }

    /** Requests that may go at once now: the bucket's tokens, at most the window's free places. */
    long available(Instant now) {
        return fraction <= 0 ? 0 : Math.max(0, Math.min(bucket.getAvailableTokens(), window.free(now)));
    }

    long capacity() {
        return capacity(fraction);
    }

    private Bandwidth limit(double f) {
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(60e9 / (requestsPerMinute * f))));
        return Bandwidth.builder().capacity(capacity(f)).refillGreedy(1, perToken).build();
    }

    private long capacity(double f) {
        return Math.max(1, (long) Math.floor(burst * f));
    }

    private int windowLimit(double f) {
        return Math.max(1, (int) Math.floor(requestsPerMinute * f + 1e-9));
    }
}
