package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;

/**
 * The polls of the jobs a {@link JobTracker} holds: when each is due ({@link PollPlanner}), who goes first
 * ({@link PollDispatcher}), and what each answer means; announced ends are read at once ({@link Announcements}). An
 * ending goes to its {@link Listener}, the tracker, which publishes it. Runs on the tracker's context, on the
 * tracker's jobs.
 */
final class JobPolls implements Announcements.Reads, PollDispatcher.Listener {

    /** Hears that a job ended: an answer said so, or its deadline passed. */
    interface Listener {
        void ended(TrackedJob job, Ending ending);
    }

    private final TrackedJobs jobs;
    private final Listener listener;
    private final Announcements announcements;
    private final Executor context;
    private final InstantSource clock;
    private final PollDispatcher dispatcher;
    private final PollPlanner planner;
    private final JobPoller poller;
    private final TrackerMetrics metrics;
    private final TrackingPolicy policy;
    private final RandomGenerator random;
    private final ApiRateLimiter limiter;

    JobPolls(TrackedJobs jobs, Listener listener, Executor context, InstantSource clock, Timers timers,
            ApiRateLimiter limiter, JobPoller poller, TrackerMetrics metrics, TrackingPolicy policy,
            RandomGenerator random) {
        this.jobs = jobs;
        this.listener = listener;
        this.context = context;
        this.clock = clock;
        this.poller = poller;
        this.metrics = metrics;
        this.policy = policy;
        this.random = random;
        this.limiter = limiter;
        this.planner = new PollPlanner(policy.schedule(), policy.poll(), limiter::slack);
        this.dispatcher = new PollDispatcher(clock, timers, limiter, this);
        this.announcements = new Announcements(jobs, context, clock, this);
    }

    /** Where the detectors' word comes in. */
    Announcements announcements() {
        return announcements;
    }

    /** The first poll of a newly tracked job: at once if its end was announced already, else where the plan says. */
    void start(TrackedJob job) {
        TrackedJob known = announcements.known(job);
        if (known.endAnnounced()) {
            readAnnounced(known, clock.instant());
        } else {
            schedule(known, planner.next(known, clock.instant(), announcements.coverage(), random));
        }
    }

    /**
     * Polls restored jobs spread out so they do not all fall due at once: over the time the budget needs to poll each
     * of them once (no less than the first poll delay), the likeliest to have ended first.
     */
    void resume(List<TrackedJob> restored) {
        Instant now = clock.instant();
        List<TrackedJob> waiting = restored.stream().map(announcements::known).sorted(planner.likeliestEndedFirst(now))
                .toList();
        long spreadNanos = Math.max(policy.poll().initialDelay().toNanos(),
                (long) (Duration.ofMinutes(1).toNanos() * waiting.size() / Math.max(1, limiter.budgetPerMinute())));
        for (int i = 0; i < waiting.size(); i++) {
            TrackedJob job = waiting.get(i);
            if (job.endAnnounced()) {
                readAnnounced(job, now);
            } else {
                schedule(job, now.plusNanos(spreadNanos * i / waiting.size()));
            }
        }
    }

    /** No more polls for this job. */
    void cancel(UUID jobId) {
        dispatcher.cancel(jobId);
    }

    /** Learns from a job that SpiderIQ reported completed at {@code completedAt}. */
    void learn(TrackedJob job, Instant completedAt) {
        planner.learn(job, completedAt);
    }

    /** Coverage got worse: jobs waiting for a guard poll come forward to where the plan now places them. */
    @Override
    public void coverageDropped(Coverage now) {
        Instant at = clock.instant();
        jobs.snapshot().stream()
                .filter(job -> job.phase() == TrackedJob.Phase.WAITING && !job.endAnnounced())
                .forEach(job -> {
                    Instant sooner = planner.next(job, at, now, random);
                    if (job.nextPollAt() != null && sooner.isBefore(job.nextPollAt())) {
                        schedule(job, sooner);
                    }
                });
    }

    /** Polls at {@code at}; no later than the deadline, so no job is given up without a last look. */
    private void schedule(TrackedJob job, Instant at) {
        Instant now = clock.instant();
        if (at.isBefore(job.deadlineAt()) || now.isBefore(job.deadlineAt())) {
            Instant when = at.isBefore(job.deadlineAt()) ? at : job.deadlineAt();
            jobs.update(job.waitingUntil(when));
            dispatcher.pollAt(job.jobId(), when);
        } else {
            jobs.update(job.waitingUntil(now));
            dispatcher.expireAt(job.jobId(), now);
        }
    }

    @Override
    public void readAnnounced(TrackedJob job, Instant at) {
        jobs.update(job.waitingUntil(at));
        dispatcher.pollAnnouncedAt(job.jobId(), at);
    }

    /** The job's poll is due and has its token: send it. */
    @Override
    public void due(UUID jobId, Duration waitedForToken) {
        TrackedJob job = jobs.get(jobId);
        if (job == null || job.phase() != TrackedJob.Phase.WAITING) {
            return;
        }
        metrics.limiterWait(waitedForToken);
        jobs.update(job.polling());
        poller.poll(jobId).subscribe().with(result -> context.execute(() -> handle(jobId, result)),
                failure -> context.execute(() -> handle(jobId, new PollResult.Failed(failure.toString()))));
    }

    private void handle(UUID jobId, PollResult result) {
        TrackedJob job = jobs.get(jobId);
        if (job == null || job.phase() != TrackedJob.Phase.POLLING) {
            return; // released while the request was under way
        }
        Instant now = clock.instant();
        if (result instanceof PollResult.Ended end) {
            metrics.detection().endFound(job.endAnnounced(), announcements.coverage().name().toLowerCase(Locale.ROOT));
            listener.ended(job.answered(end.wireName()), Ending.reported(end.results()));
        } else if (result instanceof PollResult.Running running) {
            TrackedJob next = job.stillRunning(running.status(), running.type());
            if (job.endAnnounced()) {
                // The answer crossed the announcement: ask once more, soon, then go back to the plan.
                readAnnounced(next, now.plus(planner.minGap()));
            } else {
                schedule(next, planner.next(next, now, announcements.coverage(), random));
            }
        } else if (result instanceof PollResult.NotFound && !now.isBefore(notFoundBelievedFrom(job))) {
            listener.ended(job.answered(result.wireName()), Ending.notFound());
        } else if (result instanceof PollResult.RateLimited || result instanceof PollResult.Rejected) {
            // The limiter is paused already; the job waits in line behind the pause.
            schedule(job.answered(result.wireName()), now);
        } else {
            // A failed request, or a 404 still within the grace period: the error backoff.
            TrackedJob next = job.failedRequest(result.wireName());
            schedule(next, now.plus(policy.errors().delay(next.failures() - 1, random)));
        }
    }

    /** A 404 this early may be a job the API does not list yet. */
    private Instant notFoundBelievedFrom(TrackedJob job) {
        return job.firstSeenAt().plus(policy.notFoundGrace());
    }

    /** The job's deadline came without an end: it is given up. */
    @Override
    public void deadlineReached(UUID jobId) {
        TrackedJob job = jobs.get(jobId);
        if (job != null && job.phase() == TrackedJob.Phase.WAITING) {
            listener.ended(job, Ending.deadlineExceeded());
        }
    }
}
