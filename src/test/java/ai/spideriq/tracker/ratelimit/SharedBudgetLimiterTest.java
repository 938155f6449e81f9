package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.ratelimit.SharedBucket.Grant;
import ai.spideriq.tracker.testing.FakeClock;

/** {@link ApiRateLimiter} with the fleet's shared bucket: tokens, pauses and the server's count go through it. */
class SharedBudgetLimiterTest {

    private final FakeClock clock = new FakeClock();
    private final FakeSharedBucket store = new FakeSharedBucket();
    private final ApiRateLimiter limiter = new ApiRateLimiter(90, 9, clock, Duration.ofSeconds(10), 0);

    SharedBudgetLimiterTest() {
        limiter.share(1, 3); // locally 30 a minute, 3 at once
        limiter.useShared(new SharedTokens(store, clock, Duration.ofMillis(300), "redis.example:6379"));
    }

    @Test
    void aReplicaSpendsWhatTheSharedBucketGrantsBeyondItsOwnShare() {
        store.rule = ask -> FakeSharedBucket.tokens(ask.tokens());

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        assertThat(store.grantAsks()).isEqualTo(20);
    }

    @Test
    void whenTheStoreGoesAwayItFallsBackToItsShareStartingEmpty() {
        store.rule = ask -> FakeSharedBucket.tokens(ask.tokens());
        assertThat(limiter.tryAcquire()).isZero();
        store.rule = ask -> {
            throw new IllegalStateException("Connection refused");
        };

        assertThat(limiter.tryAcquire()).as("a blip is waited out").isPositive();
        clock.advance(SharedTokens.GRACE);

        // The local bucket has refilled meanwhile; it is emptied, so the switch adds no burst to what the fleet sent.
        Duration wait = limiter.tryAcquire();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
        clock.advance(wait);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void anotherReplicasPauseStopsThisOneAndItsEndIsProbed() {
        Instant until = clock.instant().plusSeconds(20);
        assertThat(limiter.tryAcquire()).isEqualTo(SharedTokens.GRANT_PENDING);
        store.answer(new Grant(1, Duration.ZERO, until, 4));

        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.probing()).isTrue();

        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire()).as("the probe, with the pooled token").isZero();
        assertThat(limiter.tryAcquire()).as("nothing more until the probe's answer").isPositive();
    }

    @Test
    void a429HereAndTheServersCountAreToldToTheFleet() {
        store.rule = ask -> FakeSharedBucket.tokens(ask.tokens());

        limiter.pauseFor(Duration.ofSeconds(30));
        limiter.observeServerCount(4, null);

        assertThat(store.asks).extracting(SharedBucket.Ask::pauseUntil).contains(clock.instant().plusSeconds(30));
        assertThat(store.asks).extracting(SharedBucket.Ask::remaining).contains(4L);
    }
}
