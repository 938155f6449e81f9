package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;

/** When a pause ends, one request probes; the rest wait for its answer instead of bursting into more 429s. */
class ProbeAfterPauseTest {

    private final FakeClock clock = new FakeClock();
    private final ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock, Duration.ofSeconds(10), 1);

    @Test
    void afterAPauseOnlyOneRequestGoesUntilItsAnswerIsReported() {
        limiter.pauseFor(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));

        assertThat(limiter.tryAcquire()).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isPositive();
        }

        limiter.answered(false);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.probing()).isFalse();
    }

    @Test
    void aLimitedProbePausesAgainAndTheNextPauseEndsWithAProbeToo() {
        limiter.pauseFor(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire()).isZero();

        // What ResultsInterpreter does with a 429: pause, then report.
        limiter.pauseFor(Duration.ofSeconds(3));
        limiter.answered(true);
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(3));

        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void whileTheProbeIsOutOthersAreToldToAskAgainAtTheBucketsPaceNotAfterTheWholeTimeout() {
        limiter.pauseFor(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire();

        // 90 requests a minute: one token every 667 ms.
        assertThat(limiter.tryAcquire()).isLessThanOrEqualTo(Duration.ofMillis(667));
    }

    @Test
    void aProbeThatIsNeverAnsweredLetsTheNextProbeGoAfterTheProbeTimeout() {
        limiter.pauseFor(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire()).isZero();

        clock.advance(Duration.ofMillis(9_900));
        assertThat(limiter.tryAcquire()).isPositive();
        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void aProbeWithoutAnyAnswerLetsTheNextProbeGoAtOnce() {
        limiter.pauseFor(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire()).isZero();

        limiter.unanswered();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void anAnswerToARequestSentBeforeThePauseDoesNotEndProbing() {
        limiter.pauseFor(Duration.ofSeconds(2));
        limiter.answered(false);
        clock.advance(Duration.ofSeconds(2));

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }

    @Test
    void withoutAPauseThereIsNoProbing() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        assertThat(limiter.probing()).isFalse();
    }

    @Test
    void theServerCountReachingZeroIsAPauseToo() {
        limiter.observeServerCount(0, clock.instant().plusSeconds(4));
        clock.advance(Duration.ofSeconds(4));

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
    }
}
