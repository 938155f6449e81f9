package ai.spideriq.tracker.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import ai.spideriq.tracker.TrackerConfig;

import ai.spideriq.tracker.client.ApiAccess;
import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.EventStreamOpening;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.tracking.Backoff;
import ai.spideriq.tracker.detection.EventStreamFollower;
import ai.spideriq.tracker.tracking.JobTracker;
import ai.spideriq.tracker.tracking.Registration;
import ai.spideriq.tracker.tracking.TrackingPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;

/**
 * The service's own scheduler, unmodified: the real {@link JobTracker}, its {@code PollDispatcher}, the shared
 * {@link ApiRateLimiter} and the {@link EventStreamFollower}, configured as the service ships, on virtual time. Only its edges are swapped: the simulated
 * API behind the poller, an in-memory journal, and the caller's thread as its one executor.
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
        tracker = new JobTracker(Runnable::run, context.clock(), context.timers(), limiter,
                new SimulatorPoller(context.api(), interpreter), new RecordingJournal(context.outcomes()), metrics,
                TrackingPolicy.of(config), new SplittableRandom(context.seed()));
        if (config.events().enabled()) {
            TrackerConfig.Events events = config.events();
            new EventStreamFollower(() -> stream(context.api()), limiter, context.timers(), context.clock(),
                    new Backoff(events.reconnectDelay(), 2, events.maxReconnectDelay(), 0.2), events.idleTimeout(),
                    tracker.announcements(), metrics, new SplittableRandom(context.seed())).start();
        }
    }

    /** The simulator's event stream as the production client reads it: each frame parsed from its SSE data. */
    private static Multi<ApiEvent> stream(SimulatedApi api) {
        return Multi.createFrom().emitter(emitter -> {
            EventStreamOpening opening = api.events(
                    event -> emitter.emit(ApiEvent.parse(event.name(), event.dataJson(), SimulatorPoller.MAPPER)),
                    emitter::complete);
            if (!opening.isOpen()) {
                emitter.fail(new IllegalStateException("http " + opening.response().status()));
            }
        });
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
