package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.ratelimit.SharedBucket;

/**
 * The fleet's one bucket in-process, as {@code RedisSharedBucket} keeps it in Redis: the whole budget's bucket and
 * send window (one limiter holding it all), answered at once on the virtual clock.
 */
final class PooledBucket implements SharedBucket {

    private final ApiRateLimiter pool;

    PooledBucket(int requestsPerMinute, int burst, InstantSource clock) {
        this.pool = new ApiRateLimiter(requestsPerMinute, burst, clock);
    }

    @Override
    public CompletionStage<Grant> exchange(Ask ask) {
        if (ask.remaining() >= 0) {
            pool.observeServerCount(ask.remaining(), null);
        }
        if (!ask.pauseUntil().equals(Instant.MIN)) {
            pool.pauseFor(Duration.between(ask.now(), ask.pauseUntil()));
        }
        Duration wait = ask.tokens() > 0 ? pool.tryAcquire() : Duration.ZERO;
        if (ask.tokens() > 0 && wait.isZero()) {
            pool.answered(false); // the pool only counts: answers go to the replica that sent
        }
        int granted = ask.tokens() > 0 && wait.isZero() ? 1 : 0;
        return CompletableFuture.completedFuture(new Grant(granted, granted > 0 ? Duration.ZERO : wait, Instant.MIN,
                pool.availableTokens()));
    }
}
