package ai.spideriq.tracker.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.client.JobResults;
import ai.spideriq.tracker.client.JobStatus;
import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.FakeTimers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** The tracker's decisions on a fake clock, with a scripted API and an in-memory in-flight log and outcomes. */
class JobTrackerTest {

    private static final Backoff POLL = new Backoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(40), 0);
    private static final Backoff ERRORS = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0);
    /** Durations are learned only after 20 ended jobs of a type, so most tests see the plain poll backoff. */
    static final PollPlanner.Settings SCHEDULE = new PollPlanner.Settings(0.5, 0.1, Duration.ofSeconds(1),
            Duration.ofSeconds(40), 0.95, Duration.ofSeconds(120), 200, 20);

    private final FakeClock clock = new FakeClock();
    private final FakeTimers timers = new FakeTimers(clock);
    private final ApiRateLimiter limiter = new ApiRateLimiter(6000, 100, clock);
    private final Map<UUID, Queue<PollResult>> answers = new HashMap<>();
    private final List<Instant> requestTimes = new ArrayList<>();
    private final List<UUID> requestedJobs = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** When set, outcomes are acknowledged only when the test completes this future. */
    private CompletableFuture<Void> outcomeAck;
    /** When set, the next request's answer arrives only when the test completes this future. */
    private CompletableFuture<PollResult> pending;
    private final JobTracker tracker = new JobTracker(Runnable::run, clock, timers, limiter, this::answer,
            new InFlightLog() {
                @Override
                public Uni<Void> started(TrackedJob job) {
                    written.add("started " + job.jobId());
                    return Uni.createFrom().voidItem();
                }

                @Override
                public Uni<Void> ended(TrackedJob job, String outcome, Instant endedAt) {
                    return Uni.createFrom().voidItem();
                }

                @Override
                public Uni<Void> forget(UUID jobId, int partition) {
                    written.add("forgot " + jobId);
                    return Uni.createFrom().voidItem();
                }
            }, (job, ending, endedAt) -> {
                written.add(ending.wireName() + " " + job.jobId() + " after " + job.requests());
                return outcomeAck == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(outcomeAck);
            }, new TrackerMetrics(registry),
            new TrackingPolicy(POLL, ERRORS, Duration.ofMinutes(10), Duration.ofSeconds(10), SCHEDULE,
                    Duration.ofMinutes(10)),
            new SplittableRandom(7));

    @Test
    void pollsWithGrowingDelaysUntilTheJobEnds() {
        UUID job = script(running(), running(), running(), ended(JobStatus.COMPLETED));

        register(job);
        timers.advance(Duration.ofMinutes(2));

        assertThat(written).containsExactly("started " + job, "completed " + job + " after 4");
        // First poll after 5 s, then 5, 10, 20 s apart: the poll policy, one request each.
        assertThat(secondsFromStart()).containsExactly(5L, 10L, 20L, 40L);
        assertThat(tracker.find(job)).isEmpty();
    }

    @Test
    void aDuplicateSubmissionIsTrackedOnce() {
        UUID job = script(ended(JobStatus.FAILED));

        assertThat(register(job)).isEqualTo(Registration.ACCEPTED);
        assertThat(register(job)).isEqualTo(Registration.DUPLICATE);
        timers.advance(Duration.ofMinutes(1));

        assertThat(written).containsExactly("started " + job, "job_failed " + job + " after 1");
    }

    @Test
    void serverErrorsTakeTheErrorBackoffAndTheJobStillEnds() {
        UUID job = script(new PollResult.Failed("http 503"), new PollResult.Failed("timeout"), running(),
                ended(JobStatus.CANCELLED));

        register(job);
        timers.advance(Duration.ofMinutes(1));

        assertThat(written).last().isEqualTo("cancelled " + job + " after 4");
        // 5 s first poll, then error backoff 1 s and 2 s, then the poll policy's first delay after a 202.
        assertThat(secondsFromStart()).containsExactly(5L, 6L, 8L, 13L);
    }

    @Test
    void anEarly404IsRetriedAndALateOneBelieved() {
        UUID job = script(new PollResult.NotFound(), new PollResult.NotFound(), new PollResult.NotFound(),
                new PollResult.NotFound());

        register(job);
        timers.advance(Duration.ofMinutes(1));

        // 404 at 5 s and 6 s are within the 10 s grace; the one at 8 s is not yet; at 12 s it is believed.
        assertThat(written).last().isEqualTo("job_not_found " + job + " after 4");
        assertThat(secondsFromStart()).containsExactly(5L, 6L, 8L, 12L);
    }

    @Test
    void aJobIsAskedOnceMoreAtTheDeadlineAndThenGivenUp() {
        UUID job = UUID.randomUUID();
        answers.put(job, new ArrayDeque<>());
        for (int i = 0; i < 100; i++) {
            answers.get(job).add(running());
        }

        register(job);
        timers.advance(Duration.ofMinutes(15));

        assertThat(written).last().asString().startsWith("tracking_deadline_exceeded " + job);
        // The poll backoff tops out at 40 s; the plan after 9:40 would fall past the 10-minute deadline.
        assertThat(secondsFromStart()).endsWith(560L, 600L);
    }

    @Test
    void aJobPlannedPastItsDeadlineIsAskedAtTheDeadlineRatherThanGivenUpUnasked() {
        UUID job = script(running(), running(), running(), running(), ended(JobStatus.COMPLETED));
        tracker.resume(0, List.of(TrackedJob.submitted(job, "spiderSite", 0, 0, clock.instant(),
                clock.instant().plusSeconds(60), Map.of())), List.of());
        timers.advance(Duration.ofMinutes(3));

        // The backoff would place the fifth poll at 75 s, past the 60 s deadline.
        assertThat(secondsFromStart()).containsExactly(0L, 5L, 15L, 35L, 60L);
        assertThat(written).last().isEqualTo("completed " + job + " after 5");
    }

    @Test
    void releasedJobsStopPollingAndResumedOnesComeBack() {
        UUID job = script(running(), running(), ended(JobStatus.COMPLETED));

        register(job);
        timers.advance(Duration.ofSeconds(6));
        tracker.release(List.of(0));
        timers.advance(Duration.ofMinutes(1));
        assertThat(requestTimes).hasSize(1);
        assertThat(tracker.inFlight()).isZero();

        tracker.resume(0, List.of(TrackedJob.submitted(job, null, 0, 0, clock.instant(),
                clock.instant().plusSeconds(600), Map.of())), List.of());
        timers.advance(Duration.ofMinutes(2));
        assertThat(written).last().asString().startsWith("completed " + job);
    }

    @Test
    void aReplayedSubmissionOfAnEndedJobIsNotTrackedAgainButANewOneIs() {
        UUID job = script(ended(JobStatus.COMPLETED), ended(JobStatus.COMPLETED));
        assertThat(register(job, 7)).isEqualTo(Registration.ACCEPTED);
        timers.advance(Duration.ofMinutes(1));

        // After a crash the input is read again from the last commit, before offset 7.
        assertThat(register(job, 7)).isEqualTo(Registration.ALREADY_ENDED);
        assertThat(register(job, 12)).isEqualTo(Registration.ACCEPTED);
        timers.advance(Duration.ofMinutes(1));
        assertThat(written).filteredOn(line -> line.startsWith("completed")).hasSize(2);
    }

    @Test
    void endedSubmissionsAreForgottenOnceTheCommitPassesThem() {
        UUID first = script(ended(JobStatus.COMPLETED));
        UUID second = script(ended(JobStatus.COMPLETED));
        register(first, 3);
        register(second, 9);
        timers.advance(Duration.ofMinutes(1));

        tracker.forgetCommitted(Map.of(0, 4L));

        assertThat(written).contains("forgot " + first).doesNotContain("forgot " + second);
        assertThat(register(second, 9)).isEqualTo(Registration.ALREADY_ENDED);
    }

    @Test
    void aJobEndingAfterItsPartitionMovedLeavesItsEndedRecordToTheNewOwner() {
        UUID job = script(ended(JobStatus.COMPLETED));
        outcomeAck = new CompletableFuture<>();
        register(job, 3);
        timers.advance(Duration.ofMinutes(1));

        tracker.release(List.of(0));
        outcomeAck.complete(null);
        tracker.forgetCommitted(Map.of(0, 100L));

        assertThat(written).last().isEqualTo("completed " + job + " after 1");
    }

    @Test
    void aPartitionIsHandedOverOnlyOnceTheOutcomesOfItsJobsAreWritten() {
        UUID job = script(ended(JobStatus.COMPLETED));
        outcomeAck = new CompletableFuture<>();
        register(job, 3);
        timers.advance(Duration.ofMinutes(1));

        CompletableFuture<Void> handedOver = tracker.release(List.of(0)).toCompletableFuture();
        assertThat(tracker.release(List.of(1))).as("a partition without endings being written").isDone();
        assertThat(handedOver).as("the outcome is not acknowledged yet").isNotDone();
        outcomeAck.complete(null);
        assertThat(handedOver).isDone();
    }

    @Test
    void resumedJobsAreSpreadOutInsteadOfPolledAtOnce() {
        List<TrackedJob> restored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID job = script(ended(JobStatus.COMPLETED));
            restored.add(TrackedJob.submitted(job, "spiderSite", 0, i, clock.instant(),
                    clock.instant().plusSeconds(600), Map.of()));
        }

        tracker.resume(0, restored, List.of());
        timers.advance(Duration.ofMinutes(2));

        // Spread over the larger of the first poll delay (5 s) and the time the budget needs to poll each once.
        assertThat(requestTimes).hasSize(60);
        assertThat(secondsFromStart().stream().distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(secondsFromStart()).allMatch(s -> s < 5);
    }

    @Test
    void resumedJobsOldestFirstAsTheLikeliestToHaveEnded() {
        List<TrackedJob> restored = new ArrayList<>();
        for (int minutesAgo : new int[] { 2, 9, 5, 1, 7 }) {
            UUID job = script(ended(JobStatus.COMPLETED));
            restored.add(TrackedJob.submitted(job, "spiderSite", 0, minutesAgo, clock.instant().minusSeconds(
                    60L * minutesAgo), clock.instant().plusSeconds(600), Map.of()));
        }

        tracker.resume(0, restored, List.of());
        timers.advance(Duration.ofMinutes(1));

        assertThat(requestedJobs).containsExactly(restored.get(1).jobId(), restored.get(4).jobId(),
                restored.get(2).jobId(), restored.get(0).jobId(), restored.get(3).jobId());
    }

    @Test
    void anAnnouncedEndIsPolledAtOnceInsteadOfAtItsPlannedTime() {
        UUID job = script(running(), ended(JobStatus.COMPLETED));
        register(job);
        timers.advance(Duration.ofSeconds(7)); // polled at 5 s: still running; next planned for 10 s

        tracker.announcements().announceEnded(job);

        assertThat(secondsFromStart()).containsExactly(5L, 7L);
        assertThat(written).last().isEqualTo("completed " + job + " after 2");
    }

    @Test
    void countsWhetherAnAnnouncementOrTheJobsOwnPollFoundItsEndAndWhatCoveredItThen() {
        UUID polled = script(ended(JobStatus.COMPLETED));
        register(polled);
        timers.advance(Duration.ofSeconds(6)); // its own first poll finds it ended
        tracker.announcements().sweeping(true);
        UUID announced = script(ended(JobStatus.COMPLETED));
        register(announced);
        tracker.announcements().announceEnded(announced); // a sweep found it ended: read at once
        timers.advance(Duration.ofSeconds(1));

        assertThat(endsFound("poll", "polls")).isEqualTo(1);
        assertThat(endsFound("announcement", "sweeps")).isEqualTo(1);
        assertThat(endsFound("poll", "sweeps")).isZero(); // what an operator watches: ends the list missed
    }

    private double endsFound(String by, String coverage) {
        return registry.get("spideriq.ends.found").tag("by", by).tag("coverage", coverage).counter().count();
    }

    @Test
    void anAnswerThatCrossedTheAnnouncementIsCheckedAgainSoonOnce() {
        UUID job = script(running(), running(), running(), ended(JobStatus.COMPLETED));
        CompletableFuture<PollResult> inFlight = new CompletableFuture<>();
        pending = inFlight;
        register(job);
        timers.advance(Duration.ofSeconds(5)); // the first request is under way

        tracker.announcements().announceEnded(job);
        pending = null;
        inFlight.complete(running()); // sent before the job ended
        timers.advance(Duration.ofSeconds(1));

        // Asked again after the minimum gap (1 s); that answer is "running" too, so the plan takes over again.
        assertThat(secondsFromStart()).containsExactly(5L, 6L);
        timers.advance(Duration.ofSeconds(60));
        assertThat(secondsFromStart()).containsExactly(5L, 6L, 16L, 36L);
    }

    @Test
    void anEndAnnouncedBeforeTheSubmissionArrivedIsPolledAtOnce() {
        tracker.announcements().streaming(true);
        UUID job = script(ended(JobStatus.COMPLETED));
        tracker.announcements().announceStarted(job);
        timers.advance(Duration.ofSeconds(3));
        tracker.announcements().announceEnded(job); // the submission is still on its way through Kafka
        timers.advance(Duration.ofSeconds(4));

        register(job);
        timers.advance(Duration.ofSeconds(1));

        assertThat(secondsFromStart()).containsExactly(7L);
        assertThat(written).last().isEqualTo("completed " + job + " after 1");
    }

    @Test
    void whenTheStreamDropsGuardPollsComeForwardToThePlan() {
        tracker.announcements().streaming(true);
        UUID job = script(running(), ended(JobStatus.COMPLETED));
        spendTheBudget();
        register(job); // the budget is tight: a guard poll planned at 120 s
        timers.advance(Duration.ofSeconds(10));

        tracker.announcements().streaming(false);
        timers.advance(Duration.ofMinutes(1));

        // Nothing learned: the plain poll backoff from the drop, 5 s then 5 s.
        assertThat(secondsFromStart()).containsExactly(15L, 20L);
        assertThat(written).last().isEqualTo("completed " + job + " after 2");
    }

    @Test
    void whileSweepsWorkAJobIsOnlyGuardedEveryFallbackIntervalEvenWhenTheBudgetIsIdle() {
        tracker.announcements().sweeping(true);
        UUID job = script(running(), running(), ended(JobStatus.CANCELLED));
        register(job);
        timers.advance(Duration.ofMinutes(7));

        // The sweeps find the end; the job's own polls are the last safety net.
        assertThat(secondsFromStart()).containsExactly(120L, 240L, 360L);
        assertThat(tracker.announcements().awaitsAnyEnd()).isFalse();
    }

    @Test
    void aSweepsAnnouncementIsReadAtOnceAndWhenSweepsSwitchOffThePlanTakesOver() {
        tracker.announcements().sweeping(true);
        UUID listed = script(ended(JobStatus.CANCELLED));
        UUID unlisted = script(running(), ended(JobStatus.COMPLETED));
        register(listed);
        register(unlisted);
        assertThat(tracker.announcements().awaitsAnyEnd()).isTrue();
        timers.advance(Duration.ofSeconds(3));
        tracker.announcements().announceEnded(listed);
        timers.advance(Duration.ofSeconds(7));

        tracker.announcements().sweeping(false);
        timers.advance(Duration.ofMinutes(1));

        assertThat(requestedJobs).containsExactly(listed, unlisted, unlisted);
        // The listed job at once; the other, nothing learned, on the plain poll backoff from the switch-off.
        assertThat(secondsFromStart()).containsExactly(3L, 15L, 20L);
        assertThat(written).contains("cancelled " + listed + " after 1", "completed " + unlisted + " after 2");
    }

    @Test
    void anAnnouncedEndWaitingForATokenIsWhatSweepsYieldTo() {
        tracker.announcements().sweeping(true);
        UUID job = script(ended(JobStatus.COMPLETED));
        register(job);
        assertThat(tracker.announcements().endsAwaitRead()).isFalse(); // its guard poll is two minutes out

        spendTheBudget();
        tracker.announcements().announceEnded(job);
        assertThat(tracker.announcements().endsAwaitRead()).isTrue();

        timers.advance(Duration.ofMinutes(1)); // the budget comes back: the end is read
        assertThat(tracker.announcements().endsAwaitRead()).isFalse();
        assertThat(written).last().isEqualTo("completed " + job + " after 1");
    }

    @Test
    void eventsOfJobsItDoesNotTrackCostNothing() {
        tracker.announcements().announceStarted(UUID.randomUUID());
        tracker.announcements().announceEnded(UUID.randomUUID());
        timers.advance(Duration.ofMinutes(1));

        assertThat(requestTimes).isEmpty();
        assertThat(written).isEmpty();
    }

    @Test
    void whileTheStreamIsUpGuardPollsAgainstASilentEndAreSparseWhenTheBudgetIsTightAndDenseWhenItIsIdle() {
        tracker.announcements().streaming(true);
        UUID job = script(running(), ended(JobStatus.CANCELLED));
        spendTheBudget();
        register(job);
        timers.advance(Duration.ofMinutes(5));

        // Nothing learned yet. With the bucket empty, the guard comes a fallback interval (120 s) later; by then the
        // bucket has refilled (but for that poll's token), so the next comes about the poll backoff's 5 s later.
        // A cancellation has no event.
        assertThat(secondsFromStart()).containsExactly(120L, 126L);
        assertThat(written).last().isEqualTo("cancelled " + job + " after 2");
    }

    private Registration register(UUID job) {
        return register(job, 0);
    }

    /** Empties the token bucket, as the server's count would: it refills within a second at this test's rate. */
    private void spendTheBudget() {
        limiter.observeServerCount(0, null);
    }

    private Registration register(UUID job, long offset) {
        return tracker.register(job, "spiderSite", 0, offset, Map.of()).await().indefinitely();
    }

    private Uni<PollResult> answer(UUID job) {
        requestTimes.add(clock.instant());
        requestedJobs.add(job);
        PollResult scripted = answers.get(job).remove();
        return pending != null ? Uni.createFrom().completionStage(pending) : Uni.createFrom().item(scripted);
    }

    private UUID script(PollResult... results) {
        UUID job = UUID.randomUUID();
        answers.put(job, new ArrayDeque<>(List.of(results)));
        return job;
    }

    private List<Long> secondsFromStart() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return requestTimes.stream().map(t -> Duration.between(start, t).toSeconds()).toList();
    }

    private static PollResult running() {
        return new PollResult.Running("processing", "spiderSite");
    }

    private static PollResult ended(JobStatus status) {
        return new PollResult.Ended(new JobResults(null, status, 1.0, "w", Instant.parse("2026-01-01T00:00:00Z"),
                null, null));
    }
}
