package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.ApiAccess;
import ai.spideriq.tracker.client.JobListReader;
import ai.spideriq.tracker.client.RateLimitFeedback;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.detection.DetectorTerms;
import ai.spideriq.tracker.detection.EndHints;
import ai.spideriq.tracker.detection.EventStreamFollower;
import ai.spideriq.tracker.detection.InProcessFleet;
import ai.spideriq.tracker.detection.JobListSweeper;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.ratelimit.SharedBucket;
import ai.spideriq.tracker.ratelimit.SharedTokens;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.tracking.Backoff;
import ai.spideriq.tracker.tracking.JobTracker;
import ai.spideriq.tracker.tracking.Registration;
import ai.spideriq.tracker.tracking.TrackingPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A fleet of {@code replicas} trackers as the service runs them, in one virtual run: each its own real
 * {@link JobTracker} and {@link ApiRateLimiter} holding {@code share(owned, PARTITIONS)} of the one configured budget,
 * the input partitions dealt round-robin, and detection wired as {@code DetectionBeans} does it: only the owner of
 * partition 0 follows the stream and sweeps the list (on its own share), the others hear its hints in-process
 * ({@link InProcessFleet}). One replica is the same wiring with every partition, so 1 and 3 compare like for like.
 * With {@code oneBucket} every replica takes its tokens from one {@link PooledBucket} instead, as with the Redis store.
 */
final class FleetStrategy implements PollStrategy {

    /** As {@link TrackerStrategy}: submissions spread over the input topic's partitions as Kafka spreads keys. */
    static final int PARTITIONS = 3;

    private final List<JobTracker> replicas = new ArrayList<>();

    FleetStrategy(Context context, TrackerConfig config, int replicas, boolean oneBucket) {
        if (replicas < 1 || replicas > PARTITIONS) {
            throw new IllegalArgumentException("1.." + PARTITIONS + " replicas, not " + replicas);
        }
        InProcessFleet fleet = new InProcessFleet(context.clock(), context.timers(),
                config.hints().heartbeatInterval());
        SharedBucket pool = oneBucket ? new PooledBucket(config.rateLimit().requestsPerMinute(),
                config.rateLimit().burst(), context.clock()) : null;
        for (int r = 0; r < replicas; r++) {
            int replica = r;
            Set<Integer> owned = IntStream.range(0, PARTITIONS).filter(p -> p % replicas == replica).boxed()
                    .collect(Collectors.toSet());
            this.replicas.add(replica(context, config, fleet, pool, "replica-" + r, owned,
                    context.seed() + 7919L * r));
        }
    }

    private static JobTracker replica(Context context, TrackerConfig config, InProcessFleet fleet, SharedBucket pool,
            String name, Set<Integer> owned, long seed) {
        ApiRateLimiter limiter = new ApiRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                context.clock());
        limiter.share(owned.size(), PARTITIONS); // as the rebalance listener does on assignment
        if (pool != null) {
            limiter.useShared(new SharedTokens(pool, context.clock(), Duration.ofSeconds(1), "in-process"));
        }
        TrackerMetrics metrics = new TrackerMetrics(new SimpleMeterRegistry());
        ResultsInterpreter interpreter = new ResultsInterpreter(SimulatorPoller.MAPPER, limiter, new ApiAccess(),
                metrics, config.rateLimit(), context.clock());
        RateLimitFeedback feedback = new RateLimitFeedback(limiter, metrics, config.rateLimit(), context.clock());
        JobTracker tracker = new JobTracker(Runnable::run, context.clock(), context.timers(), limiter,
                new SimulatorPoller(context.api(), interpreter), InstantInFlightLog.INSTANCE,
                new RecordingOutcomes(context.outcomes()), metrics,
                TrackingPolicy.of(config), new SplittableRandom(seed));
        fleet.join(name, tracker.announcements(), metrics, hints -> detectors(context, config, limiter, feedback,
                metrics, hints, seed)).owning(owned);
        return tracker;
    }

    /** One term of detecting for the fleet, as {@code DetectorsOnDuty} begins it, on the simulator's edges. */
    private static DetectorTerms.Term detectors(Context context, TrackerConfig config, ApiRateLimiter limiter,
            RateLimitFeedback feedback, TrackerMetrics metrics, EndHints hints, long seed) {
        TrackerConfig.Events events = config.events();
        EventStreamFollower follower = new EventStreamFollower(new SimulatorEventSource(context.api(), feedback),
                limiter, context.timers(), context.clock(),
                new Backoff(events.reconnectDelay(), 2, events.maxReconnectDelay(), 0.2), events.idleTimeout(),
                hints, metrics, new SplittableRandom(seed));
        JobListSweeper sweeper = new JobListSweeper(
                new SimulatorLister(context.api(), new JobListReader(SimulatorPoller.MAPPER, feedback)), limiter,
                context.timers(), hints, follower::isUp, metrics, JobListSweeper.Settings.of(config.sweep()),
                new SplittableRandom(seed + 1));
        if (events.enabled()) {
            follower.start();
        }
        if (config.sweep().enabled()) {
            sweeper.start();
        }
        return () -> {
            follower.stop();
            sweeper.stop();
        };
    }

    @Override
    public void submit(SimulatedJob job, long sequence) {
        int partition = (int) (sequence % PARTITIONS);
        replicas.get(partition % replicas.size()).register(UUID.fromString(job.jobId()), job.type().wireName(),
                partition, sequence / PARTITIONS, Map.of()).subscribe().with(registration -> {
                    if (registration != Registration.ACCEPTED) {
                        throw new IllegalStateException("job " + job.jobId() + " was not accepted: " + registration);
                    }
                });
    }

    @Override
    public boolean isTracking(String jobId) {
        UUID id = UUID.fromString(jobId);
        return replicas.stream().anyMatch(t -> t.find(id).isPresent());
    }
}
