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
 * The one token bucket every request to the SpiderIQ API goes through. It answers how long to wait and the caller
 * schedules; it never sleeps. Besides the bucket it holds a global pause (after a 429 or a rejected token) and
 * follows the server's own count, which other services of the same account spend too.
 *
 * <p>
 * <b>A window, not a rate.</b> {@code requestsPerMinute} is the most the tracker sends in any 60 seconds, burst
 * included: besides the bucket ({@code burst} tokens, refilled at {@code requestsPerMinute} a minute) a
 * {@link SendWindow} holds the last {@code requestsPerMinute} send times, and a token goes only when both allow it. So
 * the whole budget can be sustained, while a server that counts 100 per window never answers 429 to a tracker
 * configured for 100.
 *
 * <p>
 * <b>The share follows ownership.</b> Replicas split the tracker's budget by the input partitions they own
 * ({@link #share(int, int)}, called on every assignment and revocation), so their buckets add up to
 * {@code requestsPerMinute} whatever their number; a replica that owns nothing sends nothing.
 *
 * <p>
 * <b>Or one bucket for the fleet.</b> With {@link #useShared} tokens come from a {@link SharedBucket} all replicas
 * take from, so an idle replica's part is not stranded; pauses and the server's count go through it too. While it is
 * away, the ownership share above decides.
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

    /** What {@code requestsPerMinute} counts over. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** How soon a replica that owns no partition asks again; its share arrives with a rebalance. */
    private static final Duration UNOWNED_RECHECK = Duration.ofSeconds(1);
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
    /** The owned fraction of the input partitions: this replica's part of the budget. */
    private volatile double share;
    private final Duration probeTimeout;
    private volatile Instant pausedUntil = Instant.MIN;
    /** Set by every pause: the next request after it is a probe. */
    private boolean probing;
    /** When the probe in flight was granted; null when none is. */
    private Instant probeSentAt;
    private volatile double serverRemaining = Double.NaN;
    /** The fleet's bucket when {@code spideriq.rate-limit.store=redis}; null for the local ownership share alone. */
    private SharedTokens shared;
    /** Whether the last token came from the shared bucket: its loss empties the local one (see {@link #useShared}). */
    private boolean fromShared = true;
    private final DecayingRate spent;
    /** This replica's sends of the last minute, local and shared alike; it decides with the bucket on the local path. */
    private final SendWindow window;

    /** A limiter that holds the whole budget and whose probe waits at most 10 s (the default request timeout). */
    public ApiRateLimiter(int requestsPerMinute, int burst, InstantSource clock) {
        this(requestsPerMinute, burst, clock, Duration.ofSeconds(10), 1);
    }

    /**
     * @param requestsPerMinute the most the tracker (all replicas together) sends in any 60 seconds
     * @param burst how many of them may go at once; less than {@code requestsPerMinute}
     * @param probeTimeout how long a probe may go unanswered before another probe is let go: the request timeout
     * @param share the part of the budget this replica starts with (0 until it owns partitions, 1 alone)
     */
    public ApiRateLimiter(int requestsPerMinute, int burst, InstantSource clock, Duration probeTimeout, double share) {
        if (requestsPerMinute < 2 || burst < 1 || burst >= requestsPerMinute) {
            throw new IllegalArgumentException("requests-per-minute must be at least 2 and burst 1..requests-per-minute-1");
        }
        this.clock = clock;
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
        this.probeTimeout = probeTimeout;
        this.share = share;
        this.bucket = Bucket.builder().addLimit(limit(share > 0 ? share : 1))
                .withCustomTimePrecision(new InstantSourceTimeMeter(clock))
                .build();
        this.spent = newRateMeter();
        this.window = new SendWindow(WINDOW, windowLimit(share > 0 ? share : 1));
    }

    /**
     * Sets this replica's part of the budget to {@code owned / total} input partitions. The bucket keeps its tokens up
     * to the new capacity (never gains any), and a replica that owned nothing starts empty: tokens gathered while it
     * owned nothing were another replica's to spend. The window keeps its send times: a replica that sent more than its
     * new part in the last minute waits until they age out. So the fleet stays within the window across rebalances.
     */
    public synchronized void share(int owned, int total) {
        double fraction = total <= 0 ? 0 : Math.min(1, (double) Math.max(0, owned) / total);
        if (fraction > 0) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(limit(fraction)).build(),
                    TokensInheritanceStrategy.AS_IS);
            if (share <= 0) {
                bucket.tryConsumeAsMuchAsPossible();
            }
            window.limit(windowLimit(fraction));
        }
        share = fraction;
    }

    /**
     * Takes tokens from the fleet's one shared bucket instead of this replica's share, and shares pauses and the server's
     * count through it. While the store is away the local bucket decides; it is emptied at each switch to it, so what the
     * shared bucket let go just before and what the local ones refill after together stay within the window.
     */
    public synchronized void useShared(SharedTokens tokens) {
        this.shared = tokens;
    }

    /** This replica's part of the budget, 0 to 1. */
    public double share() {
        return share;
    }

    /** The most this replica sends in any 60 seconds now: its share of {@code requestsPerMinute}. */
    public double budgetPerMinute() {
        return requestsPerMinute * share;
    }

    /** The pace this replica can keep up: its whole part of the budget (the window caps it, the bucket paces it). */
    public double sustainedPerMinute() {
        return windowLimit(share);
    }

    /** The short-term pace: at most the share's burst at once, refilled at the share's budget. */
    private Bandwidth limit(double fraction) {
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(60e9 / (requestsPerMinute * fraction))));
        return Bandwidth.builder().capacity(capacity(fraction)).refillGreedy(1, perToken).build();
    }

    private long capacity(double fraction) {
        return Math.max(1, (long) Math.floor(burst * fraction));
    }

    /** Whole requests: the parts of the fleet's replicas never add up to more than the budget. */
    private int windowLimit(double fraction) {
        return Math.max(1, (int) Math.floor(requestsPerMinute * fraction + 1e-9));
    }

    /**
     * Takes a token if one is free now, the API is not paused and no probe is waiting for its answer.
     *
     * @return {@link Duration#ZERO} when a token was taken (send the request now), else how long to wait before asking
     *         again
     */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        if (shared != null && shared.pausedUntil().isAfter(now) && shared.pausedUntil().isAfter(pausedUntil)) {
            pauseUntil(shared.pausedUntil()); // another replica's 429: this one pauses and probes too
        }
        Instant pause = pausedUntil;
        if (now.isBefore(pause)) {
            return Duration.between(now, pause);
        }
        if (share <= 0) {
            return UNOWNED_RECHECK;
        }
        if (probing && probeSentAt != null) {
            Duration left = Duration.between(now, probeSentAt.plus(probeTimeout));
            if (!left.isNegative() && !left.isZero()) {
                // Asked again at the bucket's pace: the probe's answer usually comes long before its timeout.
                Duration pace = refillPeriod();
                return left.compareTo(pace) < 0 ? left : pace;
            }
        }
        Duration wait = shared == null ? null : shared.tryTake();
        if (wait != null && !wait.isZero()) {
            return wait;
        }
        if (wait == null && fromShared && shared != null) {
            bucket.tryConsumeAsMuchAsPossible();
        }
        fromShared = wait != null;
        if (wait == null) {
            Duration windowWait = window.waitAt(now);
            if (!windowWait.isZero()) {
                return windowWait;
            }
            ConsumptionProbe token = bucket.tryConsumeAndReturnRemaining(1);
            if (!token.isConsumed()) {
                return Duration.ofNanos(Math.max(1, token.getNanosToWaitForRefill()));
            }
        }
        if (probing) {
            probeSentAt = now;
        }
        window.sent(now);
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
     *        any other status lets requests go at the bucket's pace again
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
        SharedTokens tokens = sharedTokens();
        if (tokens != null) {
            tokens.observeRemaining(remaining);
        }
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
        SharedTokens tokens = sharedTokens();
        if (tokens != null && tokens.up()) {
            return tokens.tokensLeft();
        }
        if (share <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(bucket.getAvailableTokens(), freeInWindow()));
    }

    /**
     * How much of the budget goes unspent right now, from 0 (the bucket is empty, paused, or nothing is owned) to 1
     * (it is full: the tracker spends less than its share).
     */
    public double slack() {
        SharedTokens tokens = sharedTokens();
        double capacity = tokens != null && tokens.up() ? burst : capacity(share);
        return paused() || share <= 0 ? 0 : Math.min(1, (double) availableTokens() / capacity);
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

    private synchronized int freeInWindow() {
        return window.free(clock.instant());
    }

    private synchronized SharedTokens sharedTokens() {
        return shared;
    }

    private Duration refillPeriod() {
        return Duration.ofNanos((long) (60e9 / Math.max(1e-9, budgetPerMinute())));
    }

    private synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            if (shared != null) {
                shared.pauseUntil(until);
            }
        }
        probing = true;
        probeSentAt = null;
    }
}
