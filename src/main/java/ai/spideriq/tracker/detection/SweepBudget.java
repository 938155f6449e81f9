package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.ratelimit.DecayingRate;

/**
 * The sweeps' side of the shared budget: their tokens, counted apart so that the limiter's spent rate less theirs is
 * what the rest of the tracker spends, and the pace that follows ({@link SweepPacing}). Thread-safe as its parts are.
 */
final class SweepBudget {

    private final ApiRateLimiter limiter;
    private final SweepPacing pacing;
    private final BooleanSupplier streaming;
    private final DecayingRate ownPages;

    /** @param streaming whether the event stream is up right now */
    SweepBudget(ApiRateLimiter limiter, SweepPacing pacing, BooleanSupplier streaming) {
        this.limiter = limiter;
        this.pacing = pacing;
        this.streaming = streaming;
        this.ownPages = limiter.newRateMeter();
    }

    /** Takes a token for one page: {@link Duration#ZERO} when taken, else how long to wait before asking again. */
    Duration tryAcquirePage() {
        Duration wait = limiter.tryAcquire();
        if (wait.isZero()) {
            ownPages.record();
        }
        return wait;
    }

    /** What the rest of the tracker (and the account's other services, as far as the server said) spent lately. */
    double othersPerMinute() {
        return Math.max(0, limiter.spentPerMinute() - ownPages.perMinute());
    }

    /** The gap to the next sweep after one of {@code pages} pages, when the others spend {@code othersPerMinute}. */
    Duration interval(double othersPerMinute, int pages) {
        return pacing.interval(limiter.sustainedPerMinute(), othersPerMinute, streaming.getAsBoolean(), pages);
    }

    /** The gap to the next sweep after one that read no page, at the others' current rate. */
    Duration interval() {
        return interval(othersPerMinute(), 1);
    }

    /** The shortest gap: when nothing awaits its end, the next look is no sooner. */
    Duration floor() {
        return pacing.floor(streaming.getAsBoolean());
    }

    /** How long to step aside for reads of announced ends: one token's worth of refill. */
    Duration yieldDelay() {
        return Duration.ofNanos((long) (60e9 / Math.max(1, limiter.sustainedPerMinute())));
    }
}
