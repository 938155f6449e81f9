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

import ai.spideriq.tracker.detection.EndHints;
import ai.spideriq.tracker.metrics.TrackerMetrics;
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
    private static final Duration JOURNAL_RETRY_MIN = Duration.ofMillis(500);
    private static final Duration JOURNAL_RETRY_MAX = Duration.ofSeconds(30);

    private final Map<UUID, TrackedJob> jobs = new ConcurrentHashMap<>();
    private final Set<UUID> registering = new HashSet<>();
    private final Set<Integer> released = new HashSet<>();
    private final EndedSubmissions ended = new EndedSubmissions();
    private final Executor context;
    private final InstantSource clock;
    private final JobPolls polls;
    private final JobJournal journal;
    private final TrackerMetrics metrics;
    private final Duration deadline;

    public JobTracker(Executor context, InstantSource clock, Timers timers, ApiRateLimiter limiter, JobPoller poller,
            JobJournal journal, TrackerMetrics metrics, TrackingPolicy policy, RandomGenerator random) {
        this.context = context;
        this.clock = clock;
        this.journal = journal;
        this.metrics = metrics;
        this.deadline = policy.deadline();
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
            return start(TrackedJob.submitted(jobId, type, partition, offset, now, now.plus(deadline), headers));
        });
    }

    private Uni<Registration> start(TrackedJob job) {
        return retried(journal.started(job)).chain(() -> onContext(() -> {
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
        context.execute(() -> ended.removeCommitted(committed).forEach(e -> retried(journal.forget(e.jobId(),
                e.partition())).subscribe().with(ignored -> {
                })));
    }

    public Optional<TrackedJob> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public int inFlight() {
        return jobs.size();
    }

    private void finish(TrackedJob job, Ending ending) {
        Instant endedAt = clock.instant();
        TrackedJob publishing = job.publishing();
        jobs.put(job.jobId(), publishing);
        polls.cancel(job.jobId());
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
                polls.learn(publishing, reported.results().completedAt());
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
