package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Where the poll scheduling policy puts a job's next poll, on a fixed clock. */
class PollPlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Backoff UNLEARNED = new Backoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(60), 0);
    private static final PollPlanner.Settings SETTINGS = new PollPlanner.Settings(0.5, 0.1, Duration.ofSeconds(2),
            Duration.ofSeconds(60), 0.95, Duration.ofSeconds(120), 1_000, 20);

    private double slack;
    private final PollPlanner planner = new PollPlanner(SETTINGS, UNLEARNED, () -> slack);
    private final SplittableRandom random = new SplittableRandom(3);

    @Test
    void usesThePollBackoffUntilEnoughJobsOfTheTypeHaveEnded() {
        learn("spiderSite", 19, i -> Duration.ofSeconds(20));

        assertThat(secondsToNext(job("spiderSite", 0), T0, false)).isEqualTo(5);
        assertThat(secondsToNext(job("spiderSite", 3), T0, false)).isEqualTo(20);
    }

    @Test
    void placesEachPollWhereHalfTheJobsStillRunningWillHaveEnded() {
        // Durations spread evenly from 1 to 100 s: the median 50.5 s, the 75th percentile 75 s, the 87.5th 87.5 s.
        learn("spiderMaps", 100, i -> Duration.ofSeconds(i + 1));

        assertThat(secondsToNext(job("spiderMaps", 0), T0, false)).isBetween(45L, 56L);
        assertThat(secondsToNext(job("spiderMaps", 1), T0.plusSeconds(50), false)).isBetween(20L, 31L);
        assertThat(secondsToNext(job("spiderMaps", 2), T0.plusSeconds(75), false)).isBetween(8L, 17L);
    }

    @Test
    void spendsIdleBudgetOnDenserPollsAndStretchesThemWhenItIsTight() {
        learn("spiderMaps", 100, i -> Duration.ofSeconds(i + 1));

        slack = 1; // the bucket is full: a poll where a tenth of the running jobs will have ended
        assertThat(secondsToNext(job("spiderMaps", 0), T0, false)).isBetween(8L, 12L);
        slack = 0.5; // half full: the chance is blended, 0.3
        assertThat(secondsToNext(job("spiderMaps", 0), T0, false)).isBetween(27L, 33L);
        slack = 0;
        assertThat(secondsToNext(job("spiderMaps", 0), T0, false)).isBetween(45L, 56L);
    }

    @Test
    void aJobThatOutlivesWhatWasLearnedWaitsAShareOfItsAgeBoundedByTheMaximumGap() {
        learn("spiderSite", 100, i -> Duration.ofSeconds(20));

        assertThat(secondsToNext(job("spiderSite", 4), T0.plusSeconds(40), false)).isEqualTo(20);
        assertThat(secondsToNext(job("spiderSite", 9), T0.plusSeconds(3_600), false)).isEqualTo(60);
    }

    @Test
    void typesAreLearnedApart() {
        learn("spiderSite", 100, i -> Duration.ofSeconds(10));
        learn("spiderMaps", 100, i -> Duration.ofSeconds(100));

        assertThat(secondsToNext(job("spiderSite", 0), T0, false)).isBetween(9L, 12L);
        assertThat(secondsToNext(job("spiderMaps", 0), T0, false)).isEqualTo(60); // capped by the maximum gap
    }

    @Test
    void whileStreamingABusyBudgetGuardsOnlyAtTheHighQuantileThenEveryFallbackInterval() {
        learn("spiderSite", 100, i -> Duration.ofSeconds(i + 1));

        assertThat(secondsToNext(job("spiderSite", 0), T0, true)).isBetween(90L, 100L);
        assertThat(secondsToNext(job("spiderSite", 1), T0.plusSeconds(150), true)).isEqualTo(120);
        assertThat(secondsToNext(job("spiderSite", 2), T0.plusSeconds(600), true)).isEqualTo(120);
    }

    @Test
    void whileStreamingIdleBudgetGuardsWhereHalfTheJobsStillRunningWillHaveEnded() {
        // A cancellation or a lost event ends a job silently; spare budget finds it the way polling would.
        learn("spiderSite", 100, i -> Duration.ofSeconds(i + 1));
        slack = 1;

        assertThat(secondsToNext(job("spiderSite", 0), T0, true)).isBetween(45L, 56L);
        assertThat(secondsToNext(job("spiderSite", 1), T0.plusSeconds(50), true)).isBetween(20L, 31L);
    }

    @Test
    void whileStreamingUnlearnedGuardsFollowThePollBackoffWhenIdleAndTheFallbackIntervalWhenTight() {
        slack = 1;
        assertThat(secondsToNext(job("spiderSite", 0), T0, true)).isEqualTo(5);
        assertThat(secondsToNext(job("spiderSite", 2), T0, true)).isEqualTo(10);
        slack = 0.5; // halfway from the backoff's 5 s to the fallback interval's 120 s
        assertThat(secondsToNext(job("spiderSite", 0), T0, true)).isEqualTo(62);
        slack = 0;
        assertThat(secondsToNext(job("spiderSite", 0), T0, true)).isEqualTo(120);
    }

    @Test
    void whileSweepsWorkAJobIsGuardedEveryFallbackIntervalWhateverIsLearnedAndWhateverTheBudget() {
        // The sweeps find every end: a guard where ends are likely would look where they already look.
        learn("spiderSite", 100, i -> Duration.ofSeconds(i + 1));
        slack = 1;

        assertThat(secondsToNext(job("spiderSite", 0), T0, Coverage.SWEEPS)).isEqualTo(120);
        assertThat(secondsToNext(job("spiderSite", 1), T0.plusSeconds(120), Coverage.SWEEPS)).isEqualTo(120);
        assertThat(secondsToNext(job("spiderMaps", 0), T0, Coverage.SWEEPS)).isEqualTo(120); // nothing learned
    }

    @Test
    void measuresFromTheStartOnceTheStreamAnnouncedIt() {
        for (int i = 0; i < 100; i++) {
            TrackedJob ended = job("spiderSite", 0).started(T0.plusSeconds(30));
            planner.learn(ended, T0.plusSeconds(40)); // queued 30 s, processed 10 s
        }

        TrackedJob started = job("spiderSite", 0).started(T0.plusSeconds(5));
        assertThat(secondsToNext(started, T0.plusSeconds(5), false)).isBetween(9L, 12L);
        assertThat(secondsToNext(job("spiderSite", 0), T0, false)).isBetween(36L, 45L);
    }

    private long secondsToNext(TrackedJob job, Instant now, boolean streaming) {
        return secondsToNext(job, now, streaming ? Coverage.STREAM : Coverage.POLLS);
    }

    private long secondsToNext(TrackedJob job, Instant now, Coverage coverage) {
        return Duration.between(now, planner.next(job, now, coverage, random)).toSeconds();
    }

    private void learn(String type, int count, java.util.function.IntFunction<Duration> duration) {
        for (int i = 0; i < count; i++) {
            planner.learn(job(type, 0), T0.plus(duration.apply(i)));
        }
    }

    private static TrackedJob job(String type, int polls) {
        TrackedJob job = TrackedJob.submitted(UUID.randomUUID(), type, 0, 0, T0, T0.plusSeconds(21_600), Map.of());
        for (int i = 0; i < polls; i++) {
            job = job.stillRunning("processing", type);
        }
        return job;
    }
}
