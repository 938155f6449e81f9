package ai.spideriq.tracker.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.client.JobListAnswer;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;
import ai.spideriq.tracker.tracking.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Sweeping the job list on a fake clock: paging, the watermark, the pace, switching off. */
class JobListSweeperTest {

    private static final Duration IDLE = Duration.ofMillis(2500);
    private static final Duration STREAMING = Duration.ofSeconds(10);
    private static final Duration TIGHT = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final ApiRateLimiter limiter = new ApiRateLimiter(60, 10, clock);
    private final FakeJobList list = new FakeJobList();
    private final RecordingHints hints = new RecordingHints();
    private boolean streaming;
    private final JobListSweeper sweeper = new JobListSweeper(list, limiter, timers, hints, () -> streaming,
            new TrackerMetrics(new SimpleMeterRegistry()),
            new JobListSweeper.Settings(new SweepPacing(IDLE, STREAMING, TIGHT, 0.05), 10, 3, Duration.ofSeconds(5),
                    new Backoff(Duration.ofMinutes(1), 2, Duration.ofMinutes(4), 0)),
            new SplittableRandom(1));

    @BeforeEach
    void aJobIsTrackedAndListedAsRunning() {
        hints.awaiting.add(list.change(UUID.randomUUID(), "processing", clock.instant().minusSeconds(3600)));
    }

    @Test
    void announcesEveryEndedJobItShowsAndNoRunningOne() {
        UUID done = list.change(UUID.randomUUID(), "completed", clock.instant());
        UUID cancelled = list.change(UUID.randomUUID(), "cancelled", clock.instant());
        list.change(UUID.randomUUID(), "processing", clock.instant());

        sweeper.start();

        assertThat(hints.ends()).containsExactlyInAnyOrder("ended " + done, "ended " + cancelled);
        assertThat(hints.told).startsWith("sweeping");
    }

    @Test
    void announcesTheEndsItFindsOldestFirstSoThatTheLongestWaitingIsReadFirst() {
        UUID oldest = list.change(UUID.randomUUID(), "completed", clock.instant().minusSeconds(3));
        UUID middle = list.change(UUID.randomUUID(), "failed", clock.instant().minusSeconds(2));
        UUID newest = list.change(UUID.randomUUID(), "cancelled", clock.instant().minusSeconds(1));

        sweeper.start();

        assertThat(hints.ends()).containsExactly("ended " + oldest, "ended " + middle, "ended " + newest);
    }

    @Test
    void pagesBackOnlyToWhatThePreviousSweepSawAndActsOnEachChangeOnce() {
        for (int i = 0; i < 8; i++) {
            list.change(UUID.randomUUID(), "completed", clock.instant().minusSeconds(60 + i));
        }
        sweeper.start();
        int firstSweepEnds = hints.ends().size();

        clock.advance(Duration.ofSeconds(1));
        List<UUID> later = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            later.add(list.change(UUID.randomUUID(), "failed", clock.instant()));
        }
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(3));

        assertThat(firstSweepEnds).isEqualTo(8);
        assertThat(list.pagesRead).containsExactly(1, 2, 3); // 25 new changes on pages of 10, then the mark
        assertThat(hints.ends()).hasSize(8 + 25)
                .containsAll(later.stream().map(id -> "ended " + id).toList());
    }

    @Test
    void readsAtMostMaxPagesPerSweepAndNoHistoryBeforeTheFirst() {
        for (int i = 0; i < 100; i++) {
            list.change(UUID.randomUUID(), "completed", clock.instant().minusSeconds(i));
        }
        sweeper.start();
        assertThat(list.pagesRead).containsExactly(1, 2, 3);

        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(6));

        // Before the first sweep nothing was read: it leaves no gap (the tracker polls the jobs it restored).
        assertThat(list.pagesRead).containsExactly(1, 1);
        assertThat(hints.ends()).hasSize(30);
    }

    @Test
    void endsPastMaxPagesAreFoundByTheNextSweepsAPageEach() {
        sweeper.start();
        clock.advance(Duration.ofSeconds(1));
        List<UUID> ended = endedJustNow(45, Duration.ofSeconds(45)); // 4.5 pages since the last sweep: 3 are read
        list.pagesRead.clear();

        timers.advance(Duration.ofSeconds(30));

        // Pages 1-3 stop short of the mark; each next sweep's page 1 reaches it, and it reads on in the gap: page 4,
        // then page 5, which reaches below it. The gap is read: the sweeps after read their page 1 alone.
        assertThat(list.pagesRead).startsWith(1, 2, 3, 1, 4, 1, 5);
        assertThat(list.pagesRead.subList(7, list.pagesRead.size())).isNotEmpty().containsOnly(1);
        assertThat(hints.ends()).containsExactlyInAnyOrderElementsOf(announced(ended));
    }

    @Test
    void changesOnTopWhileAGapIsReadPushItDownButNothingInItIsSkipped() {
        sweeper.start();
        clock.advance(Duration.ofSeconds(1));
        List<UUID> ended = endedJustNow(45, Duration.ofSeconds(45));
        timers.advance(IDLE); // pages 1-3: a gap from the 31st change down

        for (int sweep = 0; sweep < 8; sweep++) {
            ended.addAll(endedJustNow(7, IDLE)); // more than half a page lands on top every 2.5 s
            timers.advance(IDLE);
        }
        timers.advance(Duration.ofMinutes(1));

        // Each was announced once: shifted pages are read again, but what they show twice is known.
        assertThat(hints.ends()).containsExactlyInAnyOrderElementsOf(announced(ended));
    }

    @Test
    void aSweepStoppedShortAgainJoinsItsGapToTheOneBefore() {
        sweeper.start();
        clock.advance(Duration.ofSeconds(1));
        List<UUID> ended = endedJustNow(45, Duration.ofSeconds(45));
        timers.advance(IDLE); // a gap below the 30 newest
        clock.advance(Duration.ofSeconds(30));
        ended.addAll(endedJustNow(45, Duration.ofSeconds(30))); // before the gap is read, another sweep stops short

        timers.advance(Duration.ofMinutes(1));

        assertThat(hints.ends()).containsExactlyInAnyOrderElementsOf(announced(ended));
    }

    @Test
    void moreChangesWithinTheOverlapThanMaxPagesHoldDoNotCutEverySweepShort() {
        sweeper.start();
        clock.advance(Duration.ofSeconds(1));
        List<UUID> ended = endedJustNow(45, Duration.ofSeconds(1)); // 4.5 pages, all within the 5 s overlap
        timers.advance(Duration.ofMinutes(1));

        // Each sweep reads its 3 pages of overlap again; having reached what the last one read, it reads on in the
        // gap below. Cut short every time, the 15 oldest would have been left to guard polls.
        assertThat(list.pagesRead).contains(4, 5);
        assertThat(hints.ends()).containsExactlyInAnyOrderElementsOf(announced(ended));
    }

    /** {@code count} jobs completed evenly over the {@code last} stretch of time, the newest now. */
    private List<UUID> endedJustNow(int count, Duration last) {
        List<UUID> ended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = clock.instant().minus(last.multipliedBy(i).dividedBy(count));
            ended.add(list.change(UUID.randomUUID(), "completed", at));
        }
        return ended;
    }

    private static List<String> announced(List<UUID> jobs) {
        return jobs.stream().map(id -> "ended " + id).toList();
    }

    @Test
    void aChangeSeenAgainInTheOverlapIsNotAnnouncedTwice() {
        UUID job = list.change(UUID.randomUUID(), "completed", clock.instant());
        sweeper.start();
        timers.advance(Duration.ofSeconds(6));

        assertThat(list.pagesRead).hasSize(3);
        assertThat(hints.ends()).containsExactly("ended " + job);
    }

    @Test
    void sendsNothingWhileNoTrackedJobAwaitsItsEnd() {
        hints.awaiting.clear();
        sweeper.start();
        timers.advance(Duration.ofMinutes(1));

        assertThat(list.pagesRead).isEmpty();
    }

    @Test
    void sweepsOftenWhileTheBudgetIsIdleRarelyWhenItIsSpentAndAsANetWhileStreaming() {
        sweeper.start();
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(10));
        int idle = list.pagesRead.size();

        streaming = true;
        timers.advance(IDLE); // the sweep already planned
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(60));
        int whileStreaming = list.pagesRead.size();

        streaming = false;
        othersSpendTheBudget();
        timers.advance(Duration.ofMinutes(8)); // sweeps give up their share a reserve per minute of memory
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(60));

        int whileTight = list.pagesRead.size();

        assertThat(idle).isBetween(3, 4); // every 2.5 s and a little more
        assertThat(whileStreaming).isBetween(5, 6); // every 10 s and a little more
        assertThat(whileTight).isBetween(1, 3); // every 30 s
    }

    @Test
    void aBurstOfReadsThatEmptiesTheBucketIsNotASpentBudget() {
        // The rest of the tracker spends in bursts that empty the bucket (the reads of a sweep's finds, sent at
        // once): 9 tokens every 20 s, 27 of the 60 a minute.
        burstsOf(9, Duration.ofSeconds(20));
        sweeper.start();
        timers.advance(Duration.ofMinutes(3));
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(60));

        // 33 a minute are spare: more than sweeping every 2.5 s needs. By the bucket's fill, the sweep after each
        // burst would have waited 25 s.
        assertThat(list.pagesRead.size()).isBetween(20, 24);
    }

    @Test
    void aLaterPageWaitsForItsTokenRatherThanLeaveItsEndsToGuardPolls() {
        sweeper.start();
        clock.advance(Duration.ofSeconds(1));
        List<UUID> later = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            later.add(list.change(UUID.randomUUID(), "completed", clock.instant()));
        }
        while (limiter.tryAcquire().isZero()) {
            // the rest of the tracker took every token
        }
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(5));

        assertThat(list.pagesRead).containsExactly(1, 2, 3);
        assertThat(hints.ends()).containsAll(later.stream().map(id -> "ended " + id).toList());
    }

    @Test
    void yieldsToAnnouncedEndsWaitingForATokenAndSweepsOnceTheyAreRead() {
        sweeper.start();
        list.pagesRead.clear();
        hints.readsQueued = true;
        timers.advance(Duration.ofSeconds(10));
        assertThat(list.pagesRead).isEmpty();

        hints.readsQueued = false;
        timers.advance(Duration.ofSeconds(1)); // it looks again after a token's worth of time

        assertThat(list.pagesRead).containsExactly(1);
    }

    private void burstsOf(int tokens, Duration period) {
        for (int i = 0; i < tokens; i++) {
            if (limiter.tryAcquire().isZero()) {
                limiter.answered(false);
            }
        }
        timers.schedule(period, () -> burstsOf(tokens, period));
    }

    /** Other requests of the tracker take every token there is, once a second: the budget is tight. */
    private void othersSpendTheBudget() {
        while (limiter.tryAcquire().isZero()) {
            limiter.answered(false); // answered at once
        }
        timers.schedule(Duration.ofSeconds(1), this::othersSpendTheBudget);
    }

    @Test
    void switchesOffWhenTheListIsMissingAndTriesAgainWithBackoff() {
        list.answerInstead = new JobListAnswer.Unavailable("http 404");
        sweeper.start();
        timers.advance(Duration.ofMinutes(1));
        timers.advance(Duration.ofMinutes(2));
        timers.advance(Duration.ofMinutes(4));
        assertThat(list.pagesRead).hasSize(4); // at 0, 1, 3 and 7 minutes
        assertThat(sweeper.isWorking()).isFalse();

        list.answerInstead = null;
        timers.advance(Duration.ofMinutes(4));
        assertThat(sweeper.isWorking()).isTrue();
        assertThat(hints.told).containsExactly("sweeping");
    }

    @Test
    void switchesOffWhenTheListShowsNoJobsWhileJobsAreTracked() {
        sweeper.start();
        list.answerInstead = new JobListAnswer.Page(1, 0, List.of());
        timers.advance(Duration.ofSeconds(3));

        assertThat(sweeper.isWorking()).isFalse();
        assertThat(hints.told).containsExactly("sweeping", "not sweeping");
    }

    @Test
    void aListThatStopsAnsweringIsNotCountedOnAfterAFewSweepsAndIsTriedAgainWithBackoff() {
        sweeper.start();
        list.answerInstead = new JobListAnswer.Failed("timeout"); // accepts, then silence until the request times out
        timers.advance(Duration.ofSeconds(6));
        assertThat(sweeper.isWorking()).isTrue(); // two sweeps without an answer: could be a blip

        timers.advance(Duration.ofSeconds(2)); // the third
        assertThat(sweeper.isWorking()).isFalse();
        list.pagesRead.clear();
        timers.advance(Duration.ofSeconds(55));
        assertThat(list.pagesRead).isEmpty(); // off for a minute: no request spent on it

        list.answerInstead = null;
        timers.advance(Duration.ofSeconds(10));
        assertThat(sweeper.isWorking()).isTrue();
        assertThat(hints.told).containsExactly("sweeping", "not sweeping", "sweeping");
    }

    @Test
    void tooManyRequestsSayNothingAboutTheList() {
        sweeper.start();
        list.answerInstead = new JobListAnswer.Failed("http 429");
        timers.advance(Duration.ofSeconds(30));

        assertThat(list.pagesRead.size()).isGreaterThan(SweepSwitch.FAILURES_IN_A_ROW);
        assertThat(sweeper.isWorking()).isTrue();
        assertThat(hints.told).containsExactly("sweeping");
    }

    @Test
    void aServerErrorCostsOneSweepNotTheList() {
        sweeper.start();
        list.answerInstead = new JobListAnswer.Failed("http 503");
        timers.advance(Duration.ofSeconds(3));
        list.answerInstead = null;
        timers.advance(Duration.ofSeconds(3));

        assertThat(sweeper.isWorking()).isTrue();
        assertThat(list.pagesRead).hasSize(3);
        assertThat(hints.told).containsExactly("sweeping");
    }
}
