package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * One token bucket for the whole fleet, kept outside the replicas ({@code spideriq.rate-limit.store=redis}), with the
 * fleet's pause (a 429's "blocked until") and the server's remaining count kept beside it. Every call is one atomic
 * exchange: it reports what this replica learned, takes up to {@link Ask#tokens()} tokens and reads the shared pause.
 * Never blocks: the answer completes later, or fails (the store is away).
 */
public interface SharedBucket {

    CompletionStage<Grant> exchange(Ask ask);

    /**
     * @param tokens how many tokens to take, 0 to only report
     * @param remaining the server's {@code X-RateLimit-Remaining}, which brings the bucket down to it (never up); -1 for
     *        none
     * @param pauseUntil a pause this replica was told of (429, rejected token), which the fleet keeps to the latest of
     *        all; {@link Instant#MIN} for none
     * @param now the caller's clock, against which the pause is judged
     */
    record Ask(int tokens, long remaining, Instant pauseUntil, Instant now) {

        static Ask take(int tokens, Instant now) {
            return new Ask(tokens, -1, Instant.MIN, now);
        }
    }

    /**
     * @param tokens tokens taken, 0 to {@link Ask#tokens()}; none while the fleet is paused
     * @param retryAfter when none were taken for want of tokens, how long until the next one is refilled
     * @param pausedUntil the fleet's pause, possibly past
     * @param tokensLeft whole tokens left in the shared bucket after this grant (for the bucket's fill)
     */
    record Grant(int tokens, Duration retryAfter, Instant pausedUntil, long tokensLeft) {
    }
}
