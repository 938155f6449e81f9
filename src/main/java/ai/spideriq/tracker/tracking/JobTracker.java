package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import io.smallrye.mutiny.Uni;

/**
 * Tracks every job in flight until it ends: registers it durably, polls it through the {@link PollDispatcher},
 * decides from each answer whether to wait (poll policy), retry (error backoff) or finish, and hands the ending to
 * the {@link JobJournal}.
 * <p>
 * All state changes run on one executor (a Vert.x event-loop context in production), so there are no locks; the
 * job map is concurrent only so that operators can read it from any thread.
 */
public final class JobTracker implements EventStreamFollower.Listener {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);
    private static final Duration JOURNAL_RETRY_MIN = Duration.ofMillis(500);
    private static final Duration JOURNAL_RETRY_MAX = Duration.ofSeconds(30);

    private final Map<UUID, TrackedJob> jobs = new ConcurrentHashMap<>();
    private final Set<UUID> registering = new HashSet<>();
    private final Set<Integer> released = new HashSet<>();
    private final EndedSubmissions ended = new EndedSubmissions();
    private final EarlyAnnouncements early = new EarlyAnnouncements(10_000);
    private final Executor context;
    private final InstantSource clock;
    private final PollDispatcher dispatcher;
    private final JobPoller poller;
    private final JobJournal journal;
    private final TrackerMetrics metrics;
    private final TrackingPolicy policy;
    private final PollPlanner planner;
    private final RandomGenerator random;
    private final int requestsPerMinute;
    private boolean streaming;

    public JobTracker(Executor context, InstantSource clock, Timers timers, ApiRateLimiter limiter, JobPoller poller,
            JobJournal journal, TrackerMetrics metrics, TrackingPolicy policy, RandomGenerator random) {
        this.context = context;
        this.clock = clock;
        this.poller = poller;
        this.journal = journal;
        this.metrics = metrics;
        this.policy = policy;
        this.planner = new PollPlanner(policy.schedule(), policy.poll(), limiter::slack);
        this.random = random;
        this.requestsPerMinute = limiter.requestsPerMinute();
        this.dispatcher = new PollDispatcher(clock, timers, limiter, this::send, this::expire);
    }

    /**
     * Starts tracking a submitted job once it is durably registered, unless it is in flight already or the
     * submission is a replay of one whose job has ended.
     */
    public Uni<Registration> register(UUID jobId, String type, int partition, long offset, Map<String, String> headers) {
        return onContext(() -> {
            if (jobs.containsKey(jobId) || registering.contains(jobId)) {
                return Registration.DUPLICATE;
            }
            if (ended.isReplay(jobId, partition, offset)) {
                return Registration.ALREADY_ENDED;
            }
            registering.add(jobId);
            return Registration.ACCEPTED;
        }).chain(registration -> {
            if (registration != Registration.ACCEPTED) {
                return Uni.createFrom().item(registration);
            }
            Instant now = clock.instant();
            return start(TrackedJob.submitted(jobId, type, partition, offset, now, now.plus(policy.deadline()),
                    headers));
        });
    }

    private Uni<Registration> start(TrackedJob job) {
        return retried(journal.started(job)).chain(() -> onContext(() -> {
            registering.remove(job.jobId());
            if (!released.contains(job.partition())) {
                plan(early.applyTo(job), clock.instant());
            }
            return Registration.ACCEPTED;
        }));
    }

    /**
     * Resumes jobs restored from the journal after a restart or a rebalance, spread out so they do not all fall due
     * at once: over the time the budget needs to poll each of them once, and no less than the first poll delay.
     */
    public void resume(int partition, List<TrackedJob> restored, List<EndedSubmission> endedSubmissions) {
        context.execute(() -> {
            released.remove(partition);
            endedSubmissions.forEach(ended::add);
            Instant now = clock.instant();
            long spreadNanos = Math.max(policy.poll().initialDelay().toNanos(),
                    Duration.ofMinutes(1).toNanos() * restored.size() / requestsPerMinute);
            for (TrackedJob job : restored) {
                if (jobs.containsKey(job.jobId())) {
                    continue;
                }
                TrackedJob known = early.applyTo(job);
                if (known.endAnnounced()) {
                    pollAnnounced(known, now);
                } else {
                    schedule(known, now.plusNanos((long) (random.nextDouble() * spreadNanos)));
                }
            }
            if (!restored.isEmpty()) {
                LOG.infof("Resumed %d job(s) of partition %d", restored.size(), partition);
            }
        });
    }

    /** Stops polling the jobs of partitions this instance no longer owns; their new owner resumes them. */
    public void release(Collection<Integer> partitions) {
        context.execute(() -> {
            released.addAll(partitions);
            ended.dropPartitions(partitions);
            jobs.values().removeIf(job -> {
                boolean drop = partitions.contains(job.partition()) && job.phase() != TrackedJob.Phase.PUBLISHING;
                if (drop) {
                    dispatcher.cancel(job.jobId());
                }
                return drop;
            });
        });
    }

    /**
     * Forgets ended submissions the input's committed offsets have passed: they can no longer be replayed.
     *
     * @param committed the committed offset (the next to read) of each input partition this instance owns
     */
    public void forgetCommitted(Map<Integer, Long> committed) {
        context.execute(() -> ended.removeCommitted(committed).forEach(e -> retried(journal.forget(e.jobId(),
                e.partition())).subscribe().with(ignored -> {
                })));
    }

    /**
     * The event stream connected or dropped. While it is up, polls only guard against lost events. When it drops,
     * jobs waiting for a guard poll are brought forward to where their learned durations place them: each job's own
     * time, so a drop costs no burst of requests. Ends missed while it was down are found by those polls.
     */
    @Override
    public void streaming(boolean live) {
        context.execute(() -> {
            boolean dropped = streaming && !live;
            streaming = live;
            if (dropped) {
                Instant now = clock.instant();
                List.copyOf(jobs.values()).stream()
                        .filter(job -> job.phase() == TrackedJob.Phase.WAITING && !job.endAnnounced())
                        .forEach(job -> {
                            Instant sooner = planner.next(job, now, false, random);
                            if (job.nextPollAt() != null && sooner.isBefore(job.nextPollAt())) {
                                schedule(job, sooner);
                            }
                        });
            }
        });
    }

    /** The event stream announced that a worker picked the job up: its processing time is measured from now. */
    @Override
    public void announceStarted(UUID jobId) {
        context.execute(() -> {
            TrackedJob job = jobs.get(jobId);
            if (job == null) {
                early.started(jobId, clock.instant());
            } else if (job.phase() != TrackedJob.Phase.PUBLISHING && job.startedAt() == null) {
                jobs.put(jobId, job.started(clock.instant()));
            }
        });
    }

    /**
     * The event stream announced the job's end: poll it now, ahead of every scheduled poll. An event for a job this
     * instance does not track (the stream is account-wide) is remembered a while, in case its submission comes later.
     */
    @Override
    public void announceEnded(UUID jobId) {
        context.execute(() -> {
            TrackedJob job = jobs.get(jobId);
            if (job == null) {
                early.ended(jobId);
            }
            if (job == null || job.phase() == TrackedJob.Phase.PUBLISHING || job.endAnnounced()) {
                return;
            }
            jobs.put(jobId, job.announcedEnded());
            if (job.phase() == TrackedJob.Phase.WAITING) {
                pollAnnounced(job.announcedEnded(), clock.instant());
            }
        });
    }

    public Optional<TrackedJob> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public int inFlight() {
        return jobs.size();
    }

    /** The first poll of a newly tracked job: at once if its end was announced already, else where the plan says. */
    private void plan(TrackedJob job, Instant now) {
        if (job.endAnnounced()) {
            pollAnnounced(job, now);
        } else {
            schedule(job, planner.next(job, now, streaming, random));
        }
    }

    /** Polls at {@code at}; no later than the deadline, so no job is given up without a last look. */
    private void schedule(TrackedJob job, Instant at) {
        Instant now = clock.instant();
        if (at.isBefore(job.deadlineAt()) || now.isBefore(job.deadlineAt())) {
            Instant when = at.isBefore(job.deadlineAt()) ? at : job.deadlineAt();
            jobs.put(job.jobId(), job.waitingUntil(when));
            dispatcher.pollAt(job.jobId(), when);
        } else {
            jobs.put(job.jobId(), job.waitingUntil(now));
            dispatcher.expireAt(job.jobId(), now);
        }
    }

    private void pollAnnounced(TrackedJob job, Instant at) {
        jobs.put(job.jobId(), job.waitingUntil(at));
        dispatcher.pollAnnouncedAt(job.jobId(), at);
    }

    private void send(UUID jobId, Duration waitedForToken) {
        TrackedJob job = jobs.get(jobId);
        if (job == null || job.phase() != TrackedJob.Phase.WAITING) {
            return;
        }
        metrics.limiterWait(waitedForToken);
        jobs.put(jobId, job.polling());
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
            finish(job.answered(end.label()), new Ending.Reported(end.results()));
        } else if (result instanceof PollResult.Running running) {
            TrackedJob next = job.stillRunning(running.status(), running.type());
            if (job.endAnnounced()) {
                // The answer crossed the announcement: ask once more, soon, then go back to the plan.
                pollAnnounced(next, now.plus(planner.minGap()));
            } else {
                schedule(next, planner.next(next, now, streaming, random));
            }
        } else if (result instanceof PollResult.NotFound && !now.isBefore(notFoundBelievedFrom(job))) {
            finish(job.answered(result.label()), new Ending.NotFound());
        } else if (result instanceof PollResult.RateLimited || result instanceof PollResult.Rejected) {
            // The limiter is paused already; the job waits in line behind the pause.
            schedule(job.answered(result.label()), now);
        } else {
            // A failed request, or a 404 still within the grace period: the error backoff.
            TrackedJob next = job.failedRequest(result.label());
            schedule(next, now.plus(policy.errors().delay(next.failures() - 1, random)));
        }
    }

    /** A 404 this early may be a job the API does not list yet. */
    private Instant notFoundBelievedFrom(TrackedJob job) {
        return job.firstSeenAt().plus(policy.notFoundGrace());
    }

    private void expire(UUID jobId) {
        TrackedJob job = jobs.get(jobId);
        if (job != null && job.phase() == TrackedJob.Phase.WAITING) {
            finish(job, new Ending.DeadlineExceeded());
        }
    }

    private void finish(TrackedJob job, Ending ending) {
        Instant endedAt = clock.instant();
        TrackedJob publishing = job.publishing();
        jobs.put(job.jobId(), publishing);
        dispatcher.cancel(job.jobId());
        retried(journal.ended(publishing, ending, endedAt)).subscribe().with(done -> context.execute(() -> {
            jobs.remove(job.jobId(), publishing);
            if (!released.contains(job.partition())) {
                // Of a released partition, the new owner restores the ended record itself.
                ended.add(new EndedSubmission(job.jobId(), job.partition(), job.submissionOffset()));
            }
            metrics.outcome(ending.outcome(), publishing.type(), publishing.requests(),
                    Duration.between(publishing.firstSeenAt(), endedAt));
            if (ending instanceof Ending.Reported reported && reported.results().completedAt() != null) {
                metrics.detectionLag(Duration.between(reported.results().completedAt(), endedAt));
                planner.learn(publishing, reported.results().completedAt());
            }
            LOG.debugf("Job %s ended: %s after %d request(s)", job.jobId(), ending.outcome(), publishing.requests());
        }));
    }

    /** Kafka being away is no reason to lose a job: keep trying, with backoff, for as long as it takes. */
    private static <T> Uni<T> retried(Uni<T> write) {
        return write.onFailure().invoke(e -> LOG.warnf("Kafka write failed, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(JOURNAL_RETRY_MIN, JOURNAL_RETRY_MAX).indefinitely();
    }

    private <T> Uni<T> onContext(Supplier<T> action) {
        return Uni.createFrom().emitter(emitter -> context.execute(() -> {
            try {
                emitter.complete(action.get());
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
