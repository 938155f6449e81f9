package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;

class PollDispatcherTest {

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final ApiRateLimiter limiter = new ApiRateLimiter(62, 2, clock);
    private final List<UUID> sent = new ArrayList<>();
    private final List<UUID> expired = new ArrayList<>();
    private final PollDispatcher dispatcher = new PollDispatcher(clock, timers, limiter, new PollDispatcher.Listener() {
        @Override
        public void due(UUID jobId, Duration waitedForToken) {
            sent.add(jobId);
        }

        @Override
        public void deadlineReached(UUID jobId) {
            expired.add(jobId);
        }
    });

    @Test
    void takesATokenWhenAPollIsSentNotWhenItIsScheduled() {
        for (int i = 0; i < 50; i++) {
            dispatcher.pollAt(UUID.randomUUID(), clock.instant().plusSeconds(10));
        }
        assertThat(limiter.availableTokens()).isEqualTo(2);

        timers.advance(Duration.ofSeconds(10));

        assertThat(sent).hasSize(2);
        assertThat(timers.pending()).isEqualTo(1);
    }

    @Test
    void sendsDuePollsInDueOrderAtTheLimitersPace() {
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        limiter.tryAcquire();
        limiter.tryAcquire(); // the bucket is empty now and refills one token a second
        dispatcher.pollAt(late, clock.instant().plusSeconds(3));
        dispatcher.pollAt(early, clock.instant().plusSeconds(1));
        dispatcher.pollAt(middle, clock.instant().plusSeconds(2));
        dispatcher.pollAt(last, clock.instant().plusSeconds(2));

        timers.advance(Duration.ofSeconds(3));
        assertThat(sent).containsExactly(early, middle, last);

        timers.advance(Duration.ofSeconds(1));
        assertThat(sent).containsExactly(early, middle, last, late);
    }

    @Test
    void aNewPlanReplacesTheOldOneAndCancelDropsIt() {
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        dispatcher.pollAt(moved, clock.instant().plusSeconds(1));
        dispatcher.pollAt(cancelled, clock.instant().plusSeconds(1));
        dispatcher.pollAt(moved, clock.instant().plusSeconds(30));
        dispatcher.cancel(cancelled);

        timers.advance(Duration.ofSeconds(29));
        assertThat(sent).isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(sent).containsExactly(moved);
        assertThat(dispatcher.size()).isZero();
    }

    @Test
    void expiresWithoutSpendingAToken() {
        UUID job = UUID.randomUUID();
        limiter.pauseFor(Duration.ofHours(1));

        dispatcher.expireAt(job, clock.instant().plusSeconds(5));
        timers.advance(Duration.ofSeconds(5));

        assertThat(expired).containsExactly(job);
        assertThat(sent).isEmpty();
    }

    @Test
    void anAnnouncedPollGoesAheadOfOverdueScheduledOnes() {
        limiter.tryAcquire();
        limiter.tryAcquire(); // empty: one token a second from now on
        List<UUID> overdue = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            overdue.add(UUID.randomUUID());
            dispatcher.pollAt(overdue.get(i), clock.instant());
        }
        UUID announced = UUID.randomUUID();
        dispatcher.pollAnnouncedAt(announced, clock.instant());

        timers.advance(Duration.ofSeconds(3));

        // The first free token goes to the job known to have ended; the rest in due order, none skipped.
        assertThat(sent).containsExactly(announced, overdue.get(0), overdue.get(1));
    }
}
