package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.SpiderIqClient;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.VertxTimers;
import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Wires detection for the fleet: the replica that owns input partition 0 ({@link DetectorRole}) runs the detectors
 * and broadcasts what they learn; every replica applies the hints it reads to its own tracker.
 */
@ApplicationScoped
class DetectionBeans {

    /** Heard coverage and "awaiting" are believed for this many heartbeats: a couple may be late or lost. */
    static final int HEARTBEATS_BELIEVED = 3;

    @Produces
    @Singleton
    FleetCoverage coverage(Vertx vertx, JobTracker tracker, TrackerConfig config) {
        return new FleetCoverage(tracker.announcements(), InstantSource.system(),
                new VertxTimers(vertx, vertx.getOrCreateContext()), believed(config));
    }

    @Produces
    @Singleton
    FleetAwaiting awaiting(TrackerConfig config) {
        return new FleetAwaiting(InstantSource.system(), believed(config));
    }

    @Produces
    @Singleton
    HintsReceiver receiver(KafkaHintsOut out, JobTracker tracker, FleetCoverage coverage, FleetAwaiting awaiting,
            TrackerMetrics metrics) {
        return new HintsReceiver(out.instance(), tracker.announcements(), coverage, awaiting, metrics);
    }

    @Produces
    @Singleton
    DetectorRole role(Vertx vertx, SpiderIqClient client, ApiRateLimiter limiter, JobTracker tracker,
            FleetCoverage coverage, FleetAwaiting awaiting, KafkaHintsOut out, TrackerMetrics metrics,
            TrackerConfig config) {
        VertxTimers timers = new VertxTimers(vertx, vertx.getOrCreateContext());
        DetectorsOnDuty detectors = new DetectorsOnDuty(client, limiter, timers,
                new BroadcastHints(tracker.announcements(), coverage, awaiting, out), metrics, config);
        metrics.detection().streamGauges(detectors::streamUp, detectors::sinceLastFrame);
        metrics.detection().sweepGauge(detectors::sweepWorking);
        DetectorRole role = new DetectorRole(detectors, coverage, tracker.announcements(), out, timers,
                config.hints().heartbeatInterval());
        metrics.detection().detectorGauge(role::isActive);
        return role;
    }

    void start(@Observes StartupEvent startup, DetectorRole role) {
        role.start();
    }

    void stop(@Observes ShutdownEvent shutdown, DetectorRole role) {
        role.stop();
    }

    private static Duration believed(TrackerConfig config) {
        return config.hints().heartbeatInterval().multipliedBy(HEARTBEATS_BELIEVED);
    }
}
