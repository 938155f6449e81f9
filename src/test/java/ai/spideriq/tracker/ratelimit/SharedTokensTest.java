package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.ratelimit.SharedBucket.Grant;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.LogCapture;

class SharedTokensTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private final FakeClock clock = new FakeClock();
    private final FakeSharedBucket store = new FakeSharedBucket();
    private final SharedTokens tokens = new SharedTokens(store, clock, TIMEOUT, "redis.example:6379");

    @Test
    void asksForOneTokenAtATimeAndHandsItToTheNextCaller() {
        assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
        assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
        assertThat(store.grantAsks()).as("one grant in flight at most").isEqualTo(1);
        assertThat(store.asks.get(0).tokens()).isEqualTo(SharedTokens.GRANT);

        store.answer(FakeSharedBucket.tokens(1));

        assertThat(tokens.tryTake()).isZero();
        assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
        assertThat(store.grantAsks()).isEqualTo(2);
    }

    @Test
    void waitsForTheRefillTheStoreAnnouncesWithoutAskingMeanwhile() {
        tokens.tryTake();
        store.answer(new Grant(0, Duration.ofMillis(400), Instant.EPOCH, 0));

        assertThat(tokens.tryTake()).isEqualTo(Duration.ofMillis(400));
        clock.advance(Duration.ofMillis(399));
        assertThat(tokens.tryTake()).isEqualTo(Duration.ofMillis(1));
        assertThat(store.grantAsks()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
        assertThat(store.grantAsks()).isEqualTo(2);
    }

    @Test
    void aBlipShorterThanTheGraceIsWaitedOutWithoutFallingBack() {
        try (LogCapture log = LogCapture.of(SharedTokens.class)) {
            tokens.tryTake();
            store.fail();

            Duration wait = tokens.tryTake();
            assertThat(wait).isPositive().isLessThanOrEqualTo(SharedTokens.RECHECK);
            clock.advance(wait);
            assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
            store.answer(FakeSharedBucket.tokens(1));

            assertThat(tokens.tryTake()).isZero();
            assertThat(tokens.up()).isTrue();
            assertThat(log.messages(Level.INFO)).isEmpty();
        }
    }

    @Test
    void fallsBackWithOneLogLineWhenTheStoreFailsForTheGraceAndSaysSoOnceWhenItIsBack() {
        try (LogCapture log = LogCapture.of(SharedTokens.class)) {
            tokens.tryTake();
            store.fail();
            clock.advance(SharedTokens.RECHECK);
            tokens.tryTake();
            store.fail();
            clock.advance(SharedTokens.GRACE.minus(SharedTokens.RECHECK));

            assertThat(tokens.tryTake()).as("the local bucket decides").isNull();
            assertThat(tokens.up()).isFalse();
            // Rechecked in the background; the caller goes on with its local bucket meanwhile.
            assertThat(store.grantAsks()).isEqualTo(3);
            store.fail();
            assertThat(tokens.tryTake()).isNull();
            clock.advance(SharedTokens.RECHECK);
            assertThat(tokens.tryTake()).isNull();
            assertThat(store.grantAsks()).isEqualTo(4);
            store.answer(FakeSharedBucket.tokens(1));

            assertThat(tokens.up()).isTrue();
            assertThat(tokens.tryTake()).isZero();
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("redis.example:6379", "unreachable", "Connection refused");
            assertThat(log.messages(Level.INFO)).as("and above").hasSize(2).last().asString().contains("answers again");
        }
    }

    @Test
    void aGrantUnansweredWithinTheTimeoutCountsAsAFailureAndItsLateTokenIsNotSpent() {
        assertThat(tokens.tryTake()).isEqualTo(SharedTokens.GRANT_PENDING);
        clock.advance(TIMEOUT);

        assertThat(tokens.tryTake()).isPositive();
        store.answer(FakeSharedBucket.tokens(1));
        assertThat(tokens.tryTake()).isPositive();
        clock.advance(SharedTokens.GRACE);
        assertThat(tokens.tryTake()).isNull();
    }

    @Test
    void readsTheFleetsPauseWithEachGrantAndSharesItsOwn() {
        Instant elsewhere = clock.instant().plusSeconds(30);
        tokens.tryTake();
        store.answer(new Grant(0, Duration.ZERO, elsewhere, 3));
        assertThat(tokens.pausedUntil()).isEqualTo(elsewhere);
        assertThat(tokens.tokensLeft()).isEqualTo(3);

        Instant later = elsewhere.plusSeconds(30);
        tokens.pauseUntil(later);
        tokens.observeRemaining(7);

        assertThat(tokens.pausedUntil()).isEqualTo(later);
        assertThat(store.asks).hasSize(3);
        assertThat(store.asks.get(1).pauseUntil()).isEqualTo(later);
        assertThat(store.asks.get(1).tokens()).isZero();
        assertThat(store.asks.get(2).remaining()).isEqualTo(7);
    }

    @Test
    void theLogShowsWhereTheStoreIsButNeverItsPassword() {
        assertThat(RedisSharedBucket.where("redis://:s3cret@cache.internal:6380/2")).isEqualTo("cache.internal:6380");
        assertThat(RedisSharedBucket.where("redis://user:s3cret@cache.internal")).isEqualTo("cache.internal:6379");
    }
}
