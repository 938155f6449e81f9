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
 *
 * <p>
 * <b>Probe first.</b> When a pause ends, the server may still limit: a full bucket spent at once would only collect
 * 429s. So the first {@link #tryAcquire()} after a pause grants one token, the probe, and every further call answers
 * "wait" until the probe's answer is reported with {@link #answered(boolean)}: a limited answer (429, 401, 403) pauses
 * again (the caller also calls {@link #pauseFor}), any other answer releases the bucket's normal pace. A probe that
 * gets no answer ({@link #unanswered()}, or nothing within the probe timeout) lets the next probe go. Every code path
 * that sends a request after {@code tryAcquire()} must report each answer with {@code answered}, and each request
 * that got none (timeout, connection error) with {@code unanswered}; {@code ResultsInterpreter.interpret} does it for
 * every answer it reads. An answer is taken to be the probe's when a probe is in flight: a late answer of a request
 * sent before the pause can only re-pause (a 429) or end probing one request early.
 *
 * <p>
 * <b>Spent rate.</b> Besides the bucket's fill it keeps the rate at which tokens were taken lately
 * ({@link #spentPerMinute()}): what a caller that fills the spare budget (the job-list sweeps) must pace by, since the
 * fill drops to zero for every short burst of requests, spent budget or not.
 */
public final class ApiRateLimiter {

    /**
     * How long the spent rate remembers. Requests come at random (jobs end when they end), so the rate is noisy: at
     * 60 requests a minute its standard deviation is about 8/min with a 30 s memory, enough for a pace near the
     * budget to read a spare of a few requests as none now and then and wait the tight interval. A minute's memory
     * keeps it to about 5.5/min and still follows a change of load within two or three minutes.
     */
    static final Duration SPENT_RATE_MEMORY = Duration.ofSeconds(60);

    private final Bucket bucket;
    private final InstantSource clock;
    private final int requestsPerMinute;
    private final int burst;
    private final Duration probeTimeout;
    private final Duration refillPeriod;
    private volatile Instant pausedUntil = Instant.MIN;
    /** Set by every pause: the next request after it is a probe. */
    private boolean probing;
    /** When the probe in flight was granted; null when none is. */
    private Instant probeSentAt;
    private volatile double serverRemaining = Double.NaN;
    private final DecayingRate spent;

    /** A limiter whose probe waits at most 10 s (the default request timeout) for its answer. */
    public ApiRateLimiter(int requestsPerMinute, int burst, InstantSource clock) {
        this(requestsPerMinute, burst, clock, Duration.ofSeconds(10));
    }

    /**
     * @param probeTimeout how long a probe may go unanswered before another probe is let go: the request timeout
     */
    public ApiRateLimiter(int requestsPerMinute, int burst, InstantSource clock, Duration probeTimeout) {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("requests-per-minute and burst must be positive");
        }
        this.clock = clock;
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
        this.probeTimeout = probeTimeout;
        this.refillPeriod = Duration.ofMinutes(1).dividedBy(requestsPerMinute);
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(new InstantSourceTimeMeter(clock))
                .build();
        this.spent = newRateMeter();
    }

    /**
     * Takes a token if one is free now, the API is not paused and no probe is waiting for its answer.
     *
     * @return {@link Duration#ZERO} when a token was taken (send the request now), else how long to wait before asking
     *         again
     */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        Instant pause = pausedUntil;
        if (now.isBefore(pause)) {
            return Duration.between(now, pause);
        }
        if (probing && probeSentAt != null) {
            Duration left = Duration.between(now, probeSentAt.plus(probeTimeout));
            if (!left.isNegative() && !left.isZero()) {
                // Asked again at the bucket's pace: the probe's answer usually comes long before its timeout.
                return left.compareTo(refillPeriod) < 0 ? left : refillPeriod;
            }
        }
        ConsumptionProbe token = bucket.tryConsumeAndReturnRemaining(1);
        if (!token.isConsumed()) {
            return Duration.ofNanos(Math.max(1, token.getNanosToWaitForRefill()));
        }
        if (probing) {
            probeSentAt = now;
        }
        spent.record();
        return Duration.ZERO;
    }

    /** Stops all requests for {@code duration} from now (a 429's Retry-After, or a rejected token). */
    public void pauseFor(Duration duration) {
        pauseUntil(clock.instant().plus(duration));
    }

    /**
     * Reports an answer of the API to a request sent after {@link #tryAcquire()}, of any endpoint.
     *
     * @param limited the answer was a 429, 401 or 403: the probe failed (the caller pauses with {@link #pauseFor});
     *                any other status lets requests go at the bucket's pace again
     */
    public synchronized void answered(boolean limited) {
        if (probeSentAt == null) {
            return;
        }
        probeSentAt = null;
        if (!limited) {
            probing = false;
        }
    }

    /** Reports a request that got no answer (timeout, connection error): the next request is a probe again. */
    public synchronized void unanswered() {
        probeSentAt = null;
    }

    /** True from a pause until a probe's answer released it. */
    public synchronized boolean probing() {
        return probing;
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
            // Spent by the account's other services: gone for us as surely as our own requests.
            spent.record(bucket.tryConsumeAsMuchAsPossible(excess));
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

    /** Tokens taken per minute lately, by every caller (see {@link DecayingRate}). */
    public double spentPerMinute() {
        return spent.perMinute();
    }

    /**
     * A rate meter on the limiter's clock with the same memory as {@link #spentPerMinute()}, for a caller to measure
     * its own share of the spending and pace by what the others spend.
     */
    public DecayingRate newRateMeter() {
        return new DecayingRate(clock, SPENT_RATE_MEMORY);
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
        probing = true;
        probeSentAt = null;
    }
}
