package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.ratelimit.SharedBucket.Ask;
import ai.spideriq.tracker.ratelimit.SharedBucket.Grant;
import ai.spideriq.tracker.testing.RedisServer;
import io.vertx.core.Vertx;

/** The Lua script against a real Redis: two clients with one key prefix are two replicas sharing one bucket. */
class RedisSharedBucketTest {

    /** Generous: a first call loads classes and connects on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static Vertx vertx;
    private static RedisServer redis;
    /** 60 a minute with a burst of 6: refilled at one token a second. */
    private final String prefix = "test:" + UUID.randomUUID();
    private final RedisSharedBucket replicaA = new RedisSharedBucket(vertx, redis.url(), prefix, 60, 6, TIMEOUT);
    private final RedisSharedBucket replicaB = new RedisSharedBucket(vertx, redis.url(), prefix, 60, 6, TIMEOUT);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
        vertx.close();
    }

    @Test
    void replicasTakeFromOneBucketOfTheBurstThenWaitForItsRefill() {
        int taken = 0;
        for (int i = 0; i < 4; i++) {
            taken += take(replicaA, 1).tokens();
            taken += take(replicaB, 1).tokens();
        }
        Grant empty = take(replicaB, 1);

        assertThat(taken).isEqualTo(6);
        assertThat(empty.tokens()).isZero();
        assertThat(empty.tokensLeft()).isZero();
        assertThat(empty.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(take(new RedisSharedBucket(vertx, redis.url(), prefix + ":other", 60, 6, TIMEOUT), 1).tokens())
                .as("another prefix, another budget").isEqualTo(1);
    }

    @Test
    void noMinuteHoldsMoreThanTheBudgetWhateverTheBurst() {
        RedisSharedBucket small = new RedisSharedBucket(vertx, redis.url(), prefix + ":small", 3, 3, TIMEOUT);
        int taken = 0;
        for (int i = 0; i < 3; i++) {
            taken += take(small, 1).tokens();
        }
        // The bucket refills one in 20 s, but the last minute holds 3 already: nothing until the first is a minute old.
        Grant full = take(small, 1);

        assertThat(taken).isEqualTo(3);
        assertThat(full.tokens()).isZero();
        assertThat(full.retryAfter()).isGreaterThan(Duration.ofSeconds(55));
        small.close();
    }

    @Test
    void theServersCountBringsTheBucketDownNeverUp() {
        assertThat(exchange(replicaA, new Ask(0, 2, Instant.MIN, Instant.now())).tokensLeft()).isEqualTo(2);
        assertThat(exchange(replicaB, new Ask(0, 50, Instant.MIN, Instant.now())).tokensLeft()).isEqualTo(2);
        assertThat(take(replicaB, 1).tokens()).isEqualTo(1);
    }

    @Test
    void onePausesAllUntilTheLatestPauseAnyReported() {
        Instant until = Instant.now().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        exchange(replicaA, new Ask(0, -1, until, Instant.now()));
        exchange(replicaA, new Ask(0, -1, until.minusSeconds(20), Instant.now()));

        Grant grant = take(replicaB, 1);
        assertThat(grant.tokens()).isZero();
        assertThat(grant.pausedUntil()).isEqualTo(until);
        assertThat(exchange(replicaB, Ask.take(1, until)).tokens()).as("granted again once it is over").isEqualTo(1);
    }

    @Test
    void aStoppedRedisFailsTheExchangeWithinTheTimeout() throws Exception {
        RedisServer gone = RedisServer.start();
        RedisSharedBucket bucket = new RedisSharedBucket(vertx, gone.url(), prefix, 60, 6, Duration.ofMillis(300));
        // Answered while it runs (a first call on a cold, busy machine may take longer than the timeout).
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> take(bucket, 1).tokens() == 1);

        gone.stop();

        long started = System.nanoTime();
        assertThatThrownBy(() -> take(bucket, 1)).isInstanceOf(CompletionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        bucket.close();
    }

    private static Grant take(RedisSharedBucket bucket, int tokens) {
        return exchange(bucket, Ask.take(tokens, Instant.now()));
    }

    private static Grant exchange(RedisSharedBucket bucket, Ask ask) {
        return bucket.exchange(ask).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
