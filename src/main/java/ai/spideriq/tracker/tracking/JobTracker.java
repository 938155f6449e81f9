package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.detection.EndHints;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.outcome.WriteRetry;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import io.smallrye.mutiny.Uni;

/**
 * Tracks every job in flight until it ends: registers it durably, hands it to its {@link JobPolls} until an answer
 * ends it, and hands the ending to the {@link JobJournal}. Jobs belong to input partitions: a partition's jobs are
 * resumed when it is assigned and dropped when it is revoked.
 * <p>
 * All state changes run on one executor (a Vert.x event-loop context in production), so there are no locks; the
 * job map is concurrent only so that operators can read it from any thread.
 */
public final class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);
    private static final Duration FORGET_RETRY_FOR = Duration.ofMinutes(2);

    private final Map<UUID, TrackedJob> jobs = new ConcurrentHashMap<>();
    /** Jobs whose in-flight record is being written, with when they were first seen; read by the phase gauges. */
    private final Map<UUID, Instant> registering = new ConcurrentHashMap<>();
    private final Set<Integer> released = new HashSet<>();
    private final EndedSubmissions ended = new EndedSubmissions();
    private final Executor context;
    private final InstantSource clock;
    private final JobPolls polls;
    private final JobJournal journal;
    private final TrackerMetrics metrics;
    private final Duration deadline;
    private final WriteRetry retry;

    public JobTracker(Executor context, InstantSource clock, Timers timers, ApiRateLimiter limiter, JobPoller poller,
            JobJournal journal, TrackerMetrics metrics, TrackingPolicy policy, RandomGenerator random) {
        this.context = context;
        this.clock = clock;
        this.journal = journal;
        this.metrics = metrics;
        this.deadline = policy.deadline();
        this.retry = new WriteRetry(metrics.publish());
        metrics.publish().phaseGauges(this, JobTracker::countIn, JobTracker::oldestAgeSecondsIn);
        this.polls = new JobPolls(jobs, this::finish, context, clock, timers, limiter, poller, metrics, policy, random);
    }

    /** Who hears what the event stream and the job-list sweeps announce. */
    public EndHints announcements() {
        return polls;
    }

    /**
     * Starts tracking a submitted job once it is durably registered, unless it is in flight already or the
     * submission is a replay of one whose job has ended.
     */
    public Uni<Registration> register(UUID jobId, String type, int partition, long offset,
            Map<String, String> headers) {
        return onContext(() -> {
            if (jobs.containsKey(jobId) || registering.containsKey(jobId)) {
                return Registration.DUPLICATE;
            }
            if (ended.isReplay(jobId, partition, offset)) {
                return Registration.ALREADY_ENDED;
            }
            registering.put(jobId, clock.instant());
            return Registration.ACCEPTED;
        }).chain(registration -> {
            if (registration != Registration.ACCEPTED) {
                return Uni.createFrom().item(registration);
            }
            Instant now = clock.instant();
            return start(TrackedJob.submitted(jobId, type, partition, offset, now, now.plus(deadline), headers));
        });
    }

    private Uni<Registration> start(TrackedJob job) {
        // The submission is acknowledged only once this is written: it waits for Kafka as long as it takes.
        return retry.indefinitely(journal.started(job), "in-flight", "the in-flight record", job.jobId())
                .chain(() -> onContext(() -> {
            registering.remove(job.jobId());
            if (!released.contains(job.partition())) {
                polls.start(job);
            }
            return Registration.ACCEPTED;
        }));
    }

    /** Resumes jobs restored from the journal after a restart or a rebalance. */
    public void resume(int partition, List<TrackedJob> restored, List<EndedSubmission> endedSubmissions) {
        context.execute(() -> {
            released.remove(partition);
            endedSubmissions.forEach(ended::add);
            polls.resume(restored.stream().filter(job -> !jobs.containsKey(job.jobId())).toList());
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
                    polls.cancel(job.jobId());
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
        // Bounded: an ended record left behind is found ended by the next restore and forgotten again then.
        context.execute(() -> ended.removeCommitted(committed).forEach(e -> retry.bounded(journal.forget(e.jobId(),
                e.partition()), "in-flight", "the tombstone", e.jobId(), FORGET_RETRY_FOR).subscribe().with(ignored -> {
                }, failure -> {
                })));
    }

    public Optional<TrackedJob> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public int inFlight() {
        return jobs.size();
    }

    /** Jobs in a phase ({@code registering} or a {@link TrackedJob.Phase}, lower case). */
    double countIn(String phase) {
        return phase.equals("registering") ? registering.size()
                : jobs.values().stream().filter(j -> j.phase().name().equalsIgnoreCase(phase)).count();
    }

    /** Seconds since the oldest job of a phase was first seen; 0 when there is none. */
    double oldestAgeSecondsIn(String phase) {
        Instant now = clock.instant();
        Instant oldest = (phase.equals("registering") ? registering.values().stream()
                : jobs.values().stream().filter(j -> j.phase().name().equalsIgnoreCase(phase))
                        .map(TrackedJob::firstSeenAt)).min(Instant::compareTo).orElse(now);
        return Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }

    private void finish(TrackedJob job, Ending ending) {
        Instant endedAt = clock.instant();
        TrackedJob publishing = typedFrom(job, ending).publishing();
        jobs.put(job.jobId(), publishing);
        polls.cancel(job.jobId());
        // Bounded by the journal: on failure this replica gives the job up (logged and counted there); its
        // in-flight record stays, so the partition's next owner tracks it again.
        journal.ended(publishing, ending, endedAt).subscribe().with(done -> context.execute(() -> {
            jobs.remove(job.jobId(), publishing);
            if (!released.contains(job.partition())) {
                // Of a released partition, the new owner restores the ended record itself.
                ended.add(new EndedSubmission(job.jobId(), job.partition(), job.submissionOffset()));
            }
            metrics.outcome(ending.outcome(), publishing.type(), publishing.requests(),
                    Duration.between(publishing.firstSeenAt(), endedAt));
            if (ending instanceof Ending.Reported reported && reported.results().completedAt() != null) {
                metrics.detectionLag(Duration.between(reported.results().completedAt(), endedAt));
                polls.learn(publishing, reported.results().completedAt());
            }
            LOG.debugf("Job %s ended: %s after %d request(s)", job.jobId(), ending.outcome(), publishing.requests());
        }), failure -> context.execute(() -> jobs.remove(job.jobId(), publishing)));
    }

    /** The type the API reported at the end, for a job whose submission did not say it. */
    private static TrackedJob typedFrom(TrackedJob job, Ending ending) {
        if (job.type() != null || !(ending instanceof Ending.Reported reported) || reported.results().type() == null) {
            return job;
        }
        return new TrackedJob(job.jobId(), reported.results().type().wireName(), job.partition(),
                job.submissionOffset(), job.firstSeenAt(), job.deadlineAt(), job.headers(), job.phase(), job.polls(),
                job.failures(), job.requests(), job.nextPollAt(), job.lastStatus(), job.startedAt(),
                job.endAnnounced());
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
