package ai.spideriq.tracker.detection;

import java.time.InstantSource;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.SpiderIqClient;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.VertxTimers;
import ai.spideriq.tracker.tracking.Backoff;
import ai.spideriq.tracker.tracking.JobTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Wires the detectors to Quarkus and runs them from start-up to shutdown, each when it is enabled. */
@ApplicationScoped
class DetectionBeans {

    @Produces
    @Singleton
    EventStreamFollower follower(Vertx vertx, SpiderIqClient client, ApiRateLimiter limiter, JobTracker tracker,
            TrackerMetrics metrics, TrackerConfig config) {
        TrackerConfig.Events events = config.events();
        EventStreamFollower follower = new EventStreamFollower(client, limiter,
                new VertxTimers(vertx, vertx.getOrCreateContext()), InstantSource.system(),
                new Backoff(events.reconnectDelay(), 2, events.maxReconnectDelay(), 0.2), events.idleTimeout(),
                tracker.announcements(), metrics, new SplittableRandom());
        metrics.streamGauges(follower::isUp, follower::sinceLastFrame);
        return follower;
    }

    @Produces
    @Singleton
    JobListSweeper sweeper(Vertx vertx, SpiderIqClient client, ApiRateLimiter limiter, JobTracker tracker,
            EventStreamFollower follower, TrackerMetrics metrics, TrackerConfig config) {
        JobListSweeper sweeper = new JobListSweeper(client, limiter, new VertxTimers(vertx, vertx.getOrCreateContext()),
                tracker.announcements(), follower::isUp, metrics, JobListSweeper.Settings.of(config.sweep()), new SplittableRandom());
        metrics.sweepGauge(sweeper::isWorking);
        return sweeper;
    }

    void start(@Observes StartupEvent startup, TrackerConfig config, EventStreamFollower follower,
            JobListSweeper sweeper) {
        if (config.events().enabled()) {
            follower.start();
        }
        if (config.sweep().enabled()) {
            sweeper.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown, EventStreamFollower follower, JobListSweeper sweeper) {
        follower.stop();
        sweeper.stop();
    }
}
