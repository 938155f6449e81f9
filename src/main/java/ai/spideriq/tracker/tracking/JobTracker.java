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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.detection.EndHints;
import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import io.smallrye.mutiny.Uni;

/**
 * Tracks every job in flight until it ends: {@link #register}s it in the {@link InFlightLog}, hands it to its
 * {@link JobPolls} until an answer ends it ({@link #ended}), publishes the ending to the {@link Outcomes} and then
 * logs the submission ended. Jobs belong to input partitions: a partition's jobs are resumed when it is assigned and
 * dropped when it is revoked.
 * <p>
 * All state changes run on one executor (a Vert.x event-loop context in production), so there are no locks.
 */
public final class JobTracker implements JobPolls.Listener {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);
    private static final Duration FORGET_RETRY_FOR = Duration.ofMinutes(2);
    private static final String IN_FLIGHT = "in-flight";

    private final TrackedJobs jobs;
    private final Set<Integer> released = new HashSet<>();
    private final ReplayGuard replays = new ReplayGuard();
    private final EndingsInWriting writing = new EndingsInWriting();
    private final Executor context;
    private final InstantSource clock;
    private final JobPolls polls;
    private final InFlightLog log;
    private final Outcomes outcomes;
    private final TrackerMetrics metrics;
    private final TrackingPolicy policy;
    private final WriteRetry retry;

    public JobTracker(Executor context, InstantSource clock, Timers timers, ApiRateLimiter limiter, JobPoller poller,
            InFlightLog log, Outcomes outcomes, TrackerMetrics metrics, TrackingPolicy policy, RandomGenerator random) {
        this.context = context;
        this.clock = clock;
        this.log = log;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.policy = policy;
        this.retry = new WriteRetry(metrics.publish());
        this.jobs = new TrackedJobs(clock);
        metrics.publish().phaseGauges(jobs, TrackedJobs::countIn, TrackedJobs::oldestAgeSecondsIn);
        this.polls = new JobPolls(jobs, this, context, clock, timers, limiter, poller, metrics, policy, random);
    }

    /** Who hears what the event stream and the job-list sweeps announce. */
    public EndHints announcements() {
        return polls.announcements();
    }

    /**
     * Starts tracking a submitted job once it is durably registered, unless it is in flight already or the
     * submission is a replay of one whose job has ended.
     */
    public Uni<Registration> register(UUID jobId, String type, int partition, long offset,
            Map<String, String> headers) {
        return onContext(() -> {
            if (jobs.holds(jobId)) {
                return Registration.DUPLICATE;
            }
            if (replays.isReplay(jobId, partition, offset)) {
                return Registration.ALREADY_ENDED;
            }
            jobs.registering(jobId);
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
        // The submission is acknowledged only once this is written: it waits for Kafka as long as it takes.
        return retry.indefinitely(log.started(job), IN_FLIGHT, "the in-flight record", job.jobId())
                .chain(() -> onContext(() -> {
                    jobs.registered(job.jobId());
                    if (!released.contains(job.partition())) {
                        polls.start(job);
                    }
                    return Registration.ACCEPTED;
                }));
    }

    /** Resumes jobs restored from the in-flight log after a restart or a rebalance. */
    public void resume(int partition, List<TrackedJob> restored, List<EndedSubmission> endedSubmissions) {
        context.execute(() -> {
            released.remove(partition);
            endedSubmissions.forEach(replays::add);
            polls.resume(restored.stream().filter(job -> jobs.get(job.jobId()) == null).toList());
            if (!restored.isEmpty()) {
                LOG.infof("Resumed %d job(s) of partition %d", restored.size(), partition);
            }
        });
    }

    /**
     * Stops polling the jobs of partitions this instance no longer owns; their new owner resumes them. Completes
     * once the endings of those partitions still being written are written (or given up): until then the in-flight
     * log shows those jobs in flight, and an owner that restored them then would track them again.
     */
    public CompletionStage<Void> release(Collection<Integer> partitions) {
        return CompletableFuture.supplyAsync(() -> {
            released.addAll(partitions);
            replays.dropPartitions(partitions);
            jobs.removeIf(job -> partitions.contains(job.partition()) && job.phase() != TrackedJob.Phase.PUBLISHING)
                    .forEach(job -> polls.cancel(job.jobId()));
            return writing.of(partitions);
        }, context).thenCompose(Function.identity());
    }

    /**
     * Forgets ended submissions the input's committed offsets have passed: they can no longer be replayed.
     *
     * @param committed the committed offset (the next to read) of each input partition this instance owns
     */
    public void forgetCommitted(Map<Integer, Long> committed) {
        // Bounded: an ended record left behind is found ended by the next restore and forgotten again then.
        context.execute(() -> replays.removeCommitted(committed).forEach(e -> retry.bounded(log.forget(e.jobId(),
                e.partition()), IN_FLIGHT, "the tombstone", e.jobId(), FORGET_RETRY_FOR).subscribe().with(ignored -> {
                }, failure -> {
                })));
    }

    public Optional<TrackedJob> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public int inFlight() {
        return jobs.size();
    }

    /** An answer (or the deadline) ended the job: publish its outcome, then log its submission ended. */
    @Override
    public void ended(TrackedJob job, Ending ending) {
        Instant endedAt = clock.instant();
        TrackedJob publishing = job.publishing(ending.reportedType());
        jobs.update(publishing);
        polls.cancel(job.jobId());
        writing.started(publishing);
        outcomes.publish(publishing, ending, endedAt)
                .chain(() -> retry.bounded(log.ended(publishing, ending.wireName(), endedAt), IN_FLIGHT,
                        "the ended record", job.jobId(), policy.writeRetryFor())
                        // The outcome is out; without the ended record a restart only publishes it once more.
                        .onFailure().recoverWithNull())
                .subscribe().with(done -> context.execute(() -> {
                    published(publishing, ending, endedAt);
                    writing.finished(job.jobId());
                }),
                        // Given up (logged and counted by the publisher): the in-flight record stays for the next owner.
                        failure -> context.execute(() -> {
                            jobs.remove(publishing);
                            writing.finished(job.jobId());
                        }));
    }

    private void published(TrackedJob job, Ending ending, Instant endedAt) {
        jobs.remove(job);
        if (!released.contains(job.partition())) {
            // Of a released partition, the new owner restores the ended record itself.
            replays.add(new EndedSubmission(job.jobId(), job.partition(), job.submissionOffset()));
        }
        metrics.outcome(ending.wireName(), job.type(), job.requests(), Duration.between(job.firstSeenAt(), endedAt));
        if (ending.isReported() && ending.results().completedAt() != null) {
            metrics.detectionLag(Duration.between(ending.results().completedAt(), endedAt));
            polls.learn(job, ending.results().completedAt());
        }
        LOG.debugf("Job %s ended: %s after %d request(s)", job.jobId(), ending.wireName(), job.requests());
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
