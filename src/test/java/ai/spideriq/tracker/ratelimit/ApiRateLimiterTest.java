package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;

class ApiRateLimiterTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void givesTheBurstAtOnceThenAnswersHowLongToWait() {
        ApiRateLimiter limiter = new ApiRateLimiter(65, 5, clock);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        Duration wait = limiter.tryAcquire();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        clock.advance(wait);
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void neverGrantsMoreThanTheConfiguredNumberInAnySixtySecondsBurstIncluded() {
        ApiRateLimiter limiter = new ApiRateLimiter(100, 20, clock);

        // A greedy caller from a full bucket: the burst and the refill together stay within 100 per window.
        assertThat(mostInAnyMinute(List.of(limiter), Duration.ofMinutes(10))).isEqualTo(100);
    }

    @Test
    void sustainsTheWholeBudgetNotTheBudgetLessTheBurst() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);
        mostInAnyMinute(List.of(limiter), Duration.ofMinutes(2)); // the burst spent, the window full

        int taken = 0;
        for (long step = 0; step < Duration.ofMinutes(10).toMillis() / 50; step++) {
            while (limiter.tryAcquire().isZero()) {
                taken++;
                limiter.answered(false);
            }
            clock.advance(Duration.ofMillis(50));
        }

        // 90 per 61 s (the second for the way to the server): 88.5 a minute, where a bucket alone sustained 80.
        assertThat(taken).isBetween(880, 895);
        assertThat(limiter.sustainedPerMinute()).isCloseTo(88.5, within(0.1));
    }

    @Test
    void aFullBucketWaitsWhileTheLastMinuteHoldsTheWholeBudget() {
        ApiRateLimiter limiter = new ApiRateLimiter(12, 6, clock);
        for (int sent = 0; sent < 12;) { // 6 at once, then one every 5 s: the twelfth at 30 s
            Duration wait = limiter.tryAcquire();
            if (wait.isZero()) {
                sent++;
            }
            clock.advance(wait);
        }
        clock.advance(Duration.ofSeconds(25)); // 5 tokens refilled; the last minute holds 12 sends still

        Duration wait = limiter.tryAcquire();

        assertThat(limiter.availableTokens()).isZero();
        assertThat(wait).isPositive();
        clock.advance(wait);
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void aReplicaWhoseShareShrinksSendsNothingUntilItsLastMinuteFitsTheNewPart() {
        ApiRateLimiter limiter = new ApiRateLimiter(60, 6, clock);
        assertThat(mostInAnyMinute(List.of(limiter), Duration.ofSeconds(59))).isEqualTo(60);

        limiter.share(1, 2); // 30 a minute now; 30 of its sends are under 30 s old

        assertThat(limiter.tryAcquire()).isGreaterThan(Duration.ofSeconds(20));
    }

    @Test
    void replicasSplitTheBudgetByTheirPartitionsAndTogetherStayWithinIt() {
        List<ApiRateLimiter> replicas = new ArrayList<>();
        for (int owned : new int[] { 1, 2, 3, 6 }) {
            ApiRateLimiter replica = new ApiRateLimiter(90, 10, clock, Duration.ofSeconds(10), 0);
            replica.share(owned, 12);
            replicas.add(replica);
        }

        assertThat(replicas.stream().mapToDouble(ApiRateLimiter::budgetPerMinute).sum()).isEqualTo(90.0);
        // Each starts empty and then refills at its part of the 90 a minute.
        assertThat(mostInAnyMinute(replicas, Duration.ofMinutes(10))).isBetween(88, 90);
    }

    @Test
    void aReplicaThatOwnsNoPartitionSendsNothingUntilItIsAssignedSome() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock, Duration.ofSeconds(10), 0);

        assertThat(limiter.tryAcquire()).isPositive();
        assertThat(limiter.slack()).isZero();

        limiter.share(3, 3);
        assertThat(limiter.budgetPerMinute()).isEqualTo(90.0);
        // Tokens it gathered while owning nothing were another replica's: it starts empty, at the share's pace.
        Duration wait = limiter.tryAcquire();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(700));
        clock.advance(wait);
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void aSurvivorTakesOverAKilledReplicasPartOverAMinuteSoTheFleetStaysWithinTheBudget() {
        ApiRateLimiter killed = new ApiRateLimiter(60, 10, clock, Duration.ofSeconds(10), 0.5);
        ApiRateLimiter survivor = new ApiRateLimiter(60, 10, clock, Duration.ofSeconds(10), 0.5);
        Deque<Instant> granted = new ArrayDeque<>();
        // Each sends its 30 within 50 s, then its bucket refills while its window is full: 5 tokens in hand.
        int most = greedy(List.of(killed, survivor), Duration.ofMillis(59_900), granted, 0);

        survivor.share(2, 2); // the killed one's partitions, whose part of the last minute it spent

        most = greedy(List.of(survivor), Duration.ofMinutes(3), granted, most);
        assertThat(most).isEqualTo(60);
    }

    @Test
    void revokedPartitionsTakeTheirShareOfTheTokensWithThem() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.share(1, 2);

        assertThat(limiter.availableTokens()).isEqualTo(5);
        assertThat(mostInAnyMinute(List.of(limiter), Duration.ofMinutes(5))).isBetween(43, 45);
    }

    /** Greedy callers asking every 50 ms; the most tokens all of them got in any 60 s. */
    private int mostInAnyMinute(List<ApiRateLimiter> limiters, Duration run) {
        return greedy(limiters, run, new ArrayDeque<>(), 0);
    }

    /** As {@link #mostInAnyMinute}, going on from the grants of an earlier run and the most it saw. */
    private int greedy(List<ApiRateLimiter> limiters, Duration run, Deque<Instant> granted, int mostSoFar) {
        int most = mostSoFar;
        for (long step = 0; step < run.toMillis() / 50; step++) {
            for (ApiRateLimiter limiter : limiters) {
                while (limiter.tryAcquire().isZero()) {
                    granted.addLast(clock.instant());
                    limiter.answered(false); // at once: the server counts it now
                }
            }
            while (!granted.isEmpty() && !granted.peekFirst().isAfter(clock.instant().minusSeconds(60))) {
                granted.removeFirst();
            }
            most = Math.max(most, granted.size());
            clock.advance(Duration.ofMillis(50));
        }
        return most;
    }

    @Test
    void aPauseStopsEveryCallerUntilItEnds() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.pauseFor(Duration.ofSeconds(7));

        assertThat(limiter.paused()).isTrue();
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(7));
        assertThat(limiter.paused()).isFalse();
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.pauseFor(Duration.ofSeconds(30));
        limiter.pauseFor(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void followsTheServerCountDownButNeverUp() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.observeServerCount(3, clock.instant().plusSeconds(40));
        assertThat(limiter.availableTokens()).isEqualTo(3);

        limiter.observeServerCount(50, clock.instant().plusSeconds(40));
        assertThat(limiter.availableTokens()).isEqualTo(3);
    }

    @Test
    void anExhaustedServerBudgetPausesUntilItsReset() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.observeServerCount(0, clock.instant().plusSeconds(12));

        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void knowsTheRateItsTokensWereTakenAtLately() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);
        takeEvery(limiter, Duration.ofSeconds(1), Duration.ofMinutes(5));
        double steady = limiter.spentPerMinute();
        clock.advance(Duration.ofMinutes(5));

        assertThat(steady).isCloseTo(60, within(2.0));
        assertThat(limiter.spentPerMinute()).isLessThan(1); // nothing taken since: forgotten
    }

    @Test
    void countsTokensTheServerSaysOthersSpentAsSpent() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);

        limiter.observeServerCount(4, clock.instant().plusSeconds(40));

        // Six tokens gone at once: six requests within the rate's one-minute memory.
        assertThat(limiter.spentPerMinute()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aCallerMeasuresItsOwnShareWithTheSameMemory() {
        ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);
        DecayingRate mine = limiter.newRateMeter();
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(limiter.tryAcquire()).isZero();
            if (i % 3 == 0) {
                mine.record();
            }
        }

        assertThat(limiter.spentPerMinute() - mine.perMinute()).isCloseTo(40, within(2.0));
    }

    private void takeEvery(ApiRateLimiter limiter, Duration period, Duration total) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(period)) {
            clock.advance(period);
            assertThat(limiter.tryAcquire()).isZero();
        }
    }
}
