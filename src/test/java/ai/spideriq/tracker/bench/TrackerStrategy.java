package ai.spideriq.tracker.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.ApiAccess;
import ai.spideriq.tracker.client.JobListReader;
import ai.spideriq.tracker.client.RateLimitFeedback;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.detection.EventStreamFollower;
import ai.spideriq.tracker.detection.JobListSweeper;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.tracking.Backoff;
import ai.spideriq.tracker.tracking.JobTracker;
import ai.spideriq.tracker.tracking.Registration;
import ai.spideriq.tracker.tracking.TrackingPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The service's own scheduler, unmodified: the real {@link JobTracker}, its {@code PollDispatcher}, the shared
 * {@link ApiRateLimiter}, the {@link EventStreamFollower} and the {@link JobListSweeper}, configured as the service
 * ships (each detector when enabled, wired as {@code DetectionBeans} wires them), on virtual time. Only its edges are
 * swapped: the simulated API behind the poller, lister and stream, an in-memory journal, and the caller's thread as
 * its one executor.
 */
final class TrackerStrategy implements PollStrategy {

    /** Submissions are spread over the input topic's partitions, as Kafka would spread them by key. */
    private static final int PARTITIONS = 3;

    private final JobTracker tracker;

    TrackerStrategy(Context context, TrackerConfig config) {
        ApiRateLimiter limiter = new ApiRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                context.clock());
        TrackerMetrics metrics = new TrackerMetrics(new SimpleMeterRegistry());
        ResultsInterpreter interpreter = new ResultsInterpreter(SimulatorPoller.MAPPER, limiter, new ApiAccess(),
                metrics, config.rateLimit(), context.clock());
        RateLimitFeedback feedback = new RateLimitFeedback(limiter, metrics, config.rateLimit(), context.clock());
        tracker = new JobTracker(Runnable::run, context.clock(), context.timers(), limiter,
                new SimulatorPoller(context.api(), interpreter), InstantInFlightLog.INSTANCE,
                new RecordingOutcomes(context.outcomes()), metrics,
                TrackingPolicy.of(config), new SplittableRandom(context.seed()));
        TrackerConfig.Events events = config.events();
        EventStreamFollower follower = new EventStreamFollower(new SimulatorEventSource(context.api(), feedback),
                limiter, context.timers(), context.clock(),
                new Backoff(events.reconnectDelay(), 2, events.maxReconnectDelay(), 0.2), events.idleTimeout(),
                tracker.announcements(), metrics, new SplittableRandom(context.seed()));
        JobListSweeper sweeper = new JobListSweeper(
                new SimulatorLister(context.api(), new JobListReader(SimulatorPoller.MAPPER, feedback)), limiter,
                context.timers(), tracker.announcements(), follower::isUp, metrics,
                JobListSweeper.Settings.of(config.sweep()), new SplittableRandom(context.seed() + 1));
        if (events.enabled()) {
            follower.start();
        }
        if (config.sweep().enabled()) {
            sweeper.start();
        }
    }

    @Override
    public void submit(SimulatedJob job, long sequence) {
        tracker.register(UUID.fromString(job.jobId()), job.type().wireName(), (int) (sequence % PARTITIONS),
                sequence / PARTITIONS, Map.of()).subscribe().with(registration -> {
                    if (registration != Registration.ACCEPTED) {
                        throw new IllegalStateException("job " + job.jobId() + " was not accepted: " + registration);
                    }
                });
    }

    @Override
    public boolean isTracking(String jobId) {
        return tracker.find(UUID.fromString(jobId)).isPresent();
    }
}
