package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.ratelimit.SharedBucket.Ask;
import ai.spideriq.tracker.ratelimit.SharedBucket.Grant;

/**
 * This replica's side of a {@link SharedBucket}: answers the limiter's synchronous "how long to wait" from a local
 * pool of tokens the shared bucket granted. When the pool is empty it starts one grant request (never more than one at
 * a time) and answers a short wait; the caller asks again and finds the token. A grant takes one token: a token in
 * the pool was counted by the shared bucket when granted, not when spent, so each pooled token could stretch a 60 s
 * window by one request, and an unspent one is budget no other replica can use.
 *
 * <p>
 * When the store does not answer (an error, or nothing within the timeout) for {@link #GRACE}, {@link #tryTake()}
 * answers {@code null}: the limiter falls back to its local ownership-share bucket. Until then it answers "wait" and
 * tries again every {@link #RECHECK}: a replica on its local share while the others still take from the shared bucket
 * adds its share to theirs, so a blip (a slow answer on a busy machine) must not switch. One line is logged when the
 * store is taken to be away and one when it is back.
 *
 * <p>
 * Locking: this class never calls the limiter (the limiter calls it while holding its own lock), so the store's answers,
 * which arrive on other threads, take only this lock.
 */
public final class SharedTokens {

    private static final Logger LOG = Logger.getLogger(SharedTokens.class);
    /** Tokens one grant takes. */
    static final int GRANT = 1;
    /** How soon a caller asks again while a grant is on its way: a round trip to Redis takes well under it. */
    static final Duration GRANT_PENDING = Duration.ofMillis(20);
    /** While the store fails, how often a grant is tried again. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** How long the store may fail before the replica falls back to its local share. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final SharedBucket store;
    private final InstantSource clock;
    private final Duration timeout;
    private final String where;

    private int pool;
    private boolean up = true;
    /** Since when every call failed; null while the last one succeeded. */
    private Instant failingSince;
    /** What the first failure of the current run of them was, for the log line. */
    private String failure;
    /** Numbers the grant requests, so that a late answer to one given up on is recognised. */
    private long generation;
    /** When the grant in flight was asked for; null when none is. */
    private Instant askedAt;
    /** No grant is asked for before this: the next refill the store announced, or the next recheck while away. */
    private Instant nextAsk = Instant.MIN;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile long tokensLeft;

    /**
     * @param timeout how long a grant may go unanswered before the store counts as away
     * @param where the store's address for the log lines, without credentials
     */
    public SharedTokens(SharedBucket store, InstantSource clock, Duration timeout, String where) {
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
        this.where = where;
    }

    /**
     * @return {@link Duration#ZERO} when a token was taken, a positive wait before asking again, or {@code null} when
     *         the store is away and the caller decides by its local bucket
     */
    public synchronized Duration tryTake() {
        Instant now = clock.instant();
        if (askedAt != null && !now.isBefore(askedAt.plus(timeout))) {
            askedAt = null;
            grantFailed("no answer within " + timeout.toMillis() + " ms");
        }
        if (up && failingSince != null && !now.isBefore(failingSince.plus(GRACE))) {
            up = false;
            LOG.warnf("Shared rate-limit store %s unreachable (%s): this replica keeps to its own share of the budget "
                    + "(by its partitions) until the store is back", where, failure);
        }
        if (pool == 0 && askedAt == null && !now.isBefore(nextAsk)) {
            ask(now);
        }
        if (pool > 0) {
            // Also while away: a pooled token was counted by the shared bucket already.
            pool--;
            return Duration.ZERO;
        }
        if (!up) {
            return null;
        }
        if (askedAt != null) {
            return GRANT_PENDING;
        }
        Instant next = failingSince != null && failingSince.plus(GRACE).isBefore(nextAsk) ? failingSince.plus(GRACE)
                : nextAsk;
        return Duration.between(now, next);
    }

    /** Shares a pause (a 429's Retry-After, a rejected token) with the fleet. */
    public void pauseUntil(Instant until) {
        synchronized (this) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
        report(new Ask(0, -1, until, clock.instant()));
    }

    /** Brings the shared bucket down to the server's {@code X-RateLimit-Remaining}. */
    public void observeRemaining(long remaining) {
        report(new Ask(0, Math.max(0, remaining), Instant.MIN, clock.instant()));
    }

    /** The fleet's pause as last read from the store (or reported by this replica). */
    public Instant pausedUntil() {
        return pausedUntil;
    }

    /** Whole tokens in the shared bucket after the last grant. */
    public long tokensLeft() {
        return tokensLeft;
    }

    public synchronized boolean up() {
        return up;
    }

    private void ask(Instant now) {
        long asked = ++generation;
        askedAt = now;
        store.exchange(Ask.take(GRANT, now)).whenComplete((grant, failure) -> answered(asked, grant, failure));
    }

    private synchronized void answered(long asked, Grant grant, Throwable failure) {
        if (asked != generation || askedAt == null) {
            // Given up on: a token it took is left unspent (stranded for a moment), never spent twice.
            return;
        }
        askedAt = null;
        if (failure != null) {
            grantFailed(failure.toString());
            return;
        }
        failingSince = null;
        if (!up) {
            up = true;
            LOG.infof("Shared rate-limit store %s answers again: the fleet shares one bucket", where);
        }
        pool += grant.tokens();
        tokensLeft = grant.tokensLeft();
        if (grant.pausedUntil().isAfter(pausedUntil)) {
            pausedUntil = grant.pausedUntil();
        }
        nextAsk = grant.tokens() > 0 || grant.retryAfter().isZero() ? Instant.MIN
                : clock.instant().plus(grant.retryAfter());
    }

    /** Reports go out whatever the pool does; if they fail, the store is away. */
    private void report(Ask ask) {
        if (!up()) {
            return;
        }
        store.exchange(ask).whenComplete((grant, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    failed(failure.toString());
                }
            }
        });
    }

    private void grantFailed(String why) {
        nextAsk = clock.instant().plus(RECHECK);
        failed(why);
    }

    private void failed(String why) {
        if (failingSince == null) {
            failingSince = clock.instant();
            failure = why;
        }
    }
}
