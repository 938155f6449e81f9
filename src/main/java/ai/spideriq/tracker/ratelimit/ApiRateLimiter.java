package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The one limiter every request to the SpiderIQ API goes through. It answers how long to wait and the caller
 * schedules; it never sleeps. Besides the budget it holds a global pause (after a 429 or a rejected token) and
 * follows the server's own count, which other services of the same account spend too.
 *
 * <p>
 * <b>A window, not a rate.</b> {@code requestsPerMinute} is the most the tracker sends in any 60 seconds, burst
 * included, and also the pace it sustains: a bucket of {@code burst} tokens refilled at {@code requestsPerMinute} a
 * minute, and a {@link SendWindow} where at most {@code requestsPerMinute} requests count, each for {@link #COUNTED},
 * must both allow a request. A server that counts 100 per window never answers 429 to a tracker configured for 100.
 *
 * <p>
 * <b>The share follows ownership.</b> Replicas split the budget by the input partitions they own
 * ({@link #share(int, int)}, called on every assignment and revocation; see {@link OwnedShare}), so their parts add
 * up to {@code requestsPerMinute} whatever their number; a replica that owns nothing sends nothing.
 *
 * <p>
 * <b>Or one bucket for the fleet.</b> With {@link #useShared} tokens come from a {@link SharedBucket} all replicas
 * take from, so an idle replica's part is not stranded; pauses and the server's count go through it too. While it is
 * away, the ownership share decides (see {@link TokenSource}).
 *
 * <p>
 * <b>Probe first</b> ({@link PauseProbe}). After a pause one request goes and the others wait for its answer. Every
 * code path that sends a request after {@link #tryAcquire()} must report each answer with {@link #answered(boolean)},
 * and each request that got none (timeout, connection error) with {@link #unanswered()};
 * {@code ResultsInterpreter.interpret} does it for every answer it reads.
 *
 * <p>
 * <b>Spent rate.</b> Besides the bucket's fill it keeps the rate at which tokens were taken lately
 * ({@link #spentPerMinute()}): what a caller that fills the spare budget (the job-list sweeps) must pace by, since the
 * fill drops to zero for every short burst of requests, spent budget or not.
 */
public final class ApiRateLimiter {

    /** What {@code requestsPerMinute} counts over. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * How long a request counts here: the server's window and a second more, since the server counts a request when it
     * arrives (after the event loop sent it and the network carried it), not when its token was taken.
     */
    static final Duration COUNTED = WINDOW.plusSeconds(1);
    /** How soon a replica that owns no partition asks again; its share arrives with a rebalance. */
    private static final Duration UNOWNED_RECHECK = Duration.ofSeconds(1);
    /**
     * How long the spent rate remembers. Requests come at random (jobs end when they end), so the rate is noisy: at
     * 60 requests a minute its standard deviation is about 8/min with a 30 s memory, enough for a pace near the
     * budget to read a spare of a few requests as none now and then and wait the tight interval. A minute's memory
     * keeps it to about 5.5/min and still follows a change of load within two or three minutes.
     */
    static final Duration SPENT_RATE_MEMORY = Duration.ofSeconds(60);

    private final InstantSource clock;
    private final OwnedShare owned;
    private final TokenSource tokens;
    private final PauseProbe probe;
    private final DecayingRate spent;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile double serverRemaining = Double.NaN;

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
        this.owned = new OwnedShare(requestsPerMinute, burst, clock, share);
        this.tokens = new TokenSource(owned, burst);
        this.probe = new PauseProbe(probeTimeout);
        this.spent = newRateMeter();
    }

    /** Sets this replica's part of the budget to {@code owned / total} input partitions. */
    public synchronized void share(int ownedPartitions, int total) {
        owned.resize(total <= 0 ? 0 : Math.min(1, (double) Math.max(0, ownedPartitions) / total));
    }

    /** Takes tokens from the fleet's one shared bucket instead of this replica's share (see the class comment). */
    public synchronized void useShared(SharedTokens fleetTokens) {
        tokens.useShared(fleetTokens);
    }

    /** This replica's part of the budget, 0 to 1. */
    public synchronized double share() {
        return owned.fraction();
    }

    /** The most this replica sends in any 60 seconds now: its share of {@code requestsPerMinute}. */
    public synchronized double budgetPerMinute() {
        return owned.budgetPerMinute();
    }

    /** The pace this replica can keep up: its part of the budget in whole requests, each counted for 61 s. */
    public synchronized double sustainedPerMinute() {
        return owned.windowLimit() * (double) WINDOW.toNanos() / COUNTED.toNanos();
    }

    /**
     * Takes a token if one is free now, the API is not paused and no probe is waiting for its answer.
     *
     * @return {@link Duration#ZERO} when a token was taken (send the request now), else how long to wait before asking
     *         again
     */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        Instant fleetPause = tokens.fleetPausedUntil();
        if (fleetPause.isAfter(now) && fleetPause.isAfter(pausedUntil)) {
            pauseUntil(fleetPause); // another replica's 429: this one pauses and probes too
        }
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (owned.fraction() <= 0) {
            return UNOWNED_RECHECK;
        }
        Duration probeWait = probe.waitAt(now);
        if (!probeWait.isZero()) {
            // Asked again at the budget's pace: the probe's answer usually comes long before its timeout.
            Duration pace = Duration.ofNanos((long) (60e9 / Math.max(1e-9, owned.budgetPerMinute())));
            return probeWait.compareTo(pace) < 0 ? probeWait : pace;
        }
        Duration wait = tokens.tryTake(now);
        if (!wait.isZero()) {
            return wait;
        }
        probe.sent(now);
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
     *        any other status lets requests go at the budget's pace again
     */
    public synchronized void answered(boolean limited) {
        probe.answered(limited);
    }

    /** Reports a request that got no answer (timeout, connection error): the next request is a probe again. */
    public synchronized void unanswered() {
        probe.unanswered();
    }

    /** True from a pause until a probe's answer released it. */
    public synchronized boolean probing() {
        return probe.probing();
    }

    /**
     * Brings the bucket in line with the server's count ({@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}).
     * It only ever spends tokens, never adds: the account's budget is shared, so more remaining on the server does
     * not mean more for us.
     */
    public void observeServerCount(long remaining, Instant reset) {
        serverRemaining = remaining;
        synchronized (this) {
            // Spent by the account's other services: gone for us as surely as our own requests.
            spent.record(tokens.spendDownTo(remaining));
        }
        if (remaining <= 0 && reset != null) {
            pauseUntil(reset);
        }
    }

    /** The account's remaining requests as the server last reported them; NaN until it has (for the metric). */
    public double serverRemaining() {
        return serverRemaining;
    }

    public synchronized long availableTokens() {
        return tokens.available(clock.instant());
    }

    /**
     * How much of the budget goes unspent right now, from 0 (the bucket is empty, paused, or nothing is owned) to 1
     * (it is full: the tracker spends less than its share).
     */
    public synchronized double slack() {
        return paused() || owned.fraction() <= 0 ? 0 : Math.min(1, (double) availableTokens() / tokens.capacity());
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

    private synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            tokens.pauseFleetUntil(until);
        }
        probe.paused();
    }
}
