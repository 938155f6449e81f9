package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import io.github.bucket4j.Bucket;
import ai.spideriq.tracker.time.InstantSourceTimeMeter;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The one token bucket every request to the SpiderIQ API goes through. It answers how long to wait and the caller
 * schedules; it never sleeps. Besides the bucket it holds a global pause (after a 429 or a rejected token) and
 * follows the server's own count, which other services of the same account spend too.
 */
public final class ApiRateLimiter {

    private final Bucket bucket;
    private final InstantSource clock;
    private final int requestsPerMinute;
    private final int burst;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile double serverRemaining = Double.NaN;

    public ApiRateLimiter(int requestsPerMinute, int burst, InstantSource clock) {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("requests-per-minute and burst must be positive");
        }
        this.clock = clock;
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(new InstantSourceTimeMeter(clock))
                .build();
    }

    /**
     * Takes a token if one is free now and the API is not paused.
     *
     * @return {@link Duration#ZERO} when a token was taken (send the request now), else how long to wait before asking
     *         again
     */
    public Duration tryAcquire() {
        Instant now = clock.instant();
        Instant pause = pausedUntil;
        if (now.isBefore(pause)) {
            return Duration.between(now, pause);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /** Stops all requests for {@code duration} from now (a 429's Retry-After, or a rejected token). */
    public void pauseFor(Duration duration) {
        pauseUntil(clock.instant().plus(duration));
    }

    /**
     * Brings the bucket in line with the server's count ({@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}).
     * It only ever spends tokens, never adds: the account's budget is shared, so more remaining on the server does
     * not mean more for us.
     */
    public void observeServerCount(long remaining, Instant reset) {
        serverRemaining = remaining;
        long excess = bucket.getAvailableTokens() - Math.max(0, remaining);
        if (excess > 0) {
            bucket.tryConsumeAsMuchAsPossible(excess);
        }
        if (remaining <= 0 && reset != null) {
            pauseUntil(reset);
        }
    }

    /** The account's remaining requests as the server last reported them; NaN until it has (for the metric). */
    public double serverRemaining() {
        return serverRemaining;
    }

    public long availableTokens() {
        return Math.max(0, bucket.getAvailableTokens());
    }

    /**
     * How much of the budget goes unspent right now, from 0 (the bucket is empty or paused) to 1 (it is full: the
     * tracker spends less than its share).
     */
    public double slack() {
        return paused() ? 0 : Math.min(1, (double) availableTokens() / burst);
    }

    public boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    private synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }
}
