package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.SpiderIqClient;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import ai.spideriq.tracker.tracking.Backoff;

/**
 * The detectors of this replica's current term of detecting for the fleet: a fresh {@link EventStreamFollower} and
 * {@link JobListSweeper} per term (each only when enabled), telling the fleet through {@link BroadcastHints}. The
 * gauges read the current term's; between terms the stream is down and the sweeps off, here.
 */
final class DetectorsOnDuty implements DetectorTerms {

    private final SpiderIqClient client;
    private final ApiRateLimiter limiter;
    private final Timers timers;
    private final EndHints hints;
    private final TrackerMetrics metrics;
    private final TrackerConfig config;
    private volatile EventStreamFollower follower;
    private volatile JobListSweeper sweeper;

    DetectorsOnDuty(SpiderIqClient client, ApiRateLimiter limiter, Timers timers, EndHints hints,
            TrackerMetrics metrics, TrackerConfig config) {
        this.client = client;
        this.limiter = limiter;
        this.timers = timers;
        this.hints = hints;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public synchronized Term begin() {
        TrackerConfig.Events events = config.events();
        EventStreamFollower stream = new EventStreamFollower(client, limiter, timers, InstantSource.system(),
                new Backoff(events.reconnectDelay(), 2, events.maxReconnectDelay(), 0.2), events.idleTimeout(), hints,
                metrics, new SplittableRandom());
        JobListSweeper sweeps = new JobListSweeper(client, limiter, timers, hints, stream::isUp, metrics,
                JobListSweeper.Settings.of(config.sweep()), new SplittableRandom());
        follower = stream;
        sweeper = sweeps;
        if (events.enabled()) {
            stream.start();
        }
        if (config.sweep().enabled()) {
            sweeps.start();
        }
        return () -> {
            stream.stop();
            sweeps.stop();
        };
    }

    boolean streamUp() {
        EventStreamFollower current = follower;
        return current != null && current.isUp();
    }

    Duration sinceLastFrame() {
        EventStreamFollower current = follower;
        return current == null ? Duration.ZERO : current.sinceLastFrame();
    }

    boolean sweepWorking() {
        JobListSweeper current = sweeper;
        return current != null && current.isWorking();
    }
}
