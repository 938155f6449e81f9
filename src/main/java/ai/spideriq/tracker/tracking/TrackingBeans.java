package ai.spideriq.tracker.tracking;

import java.time.InstantSource;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.VertxTimers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Wires the plain-Java tracking core to Quarkus: real time, Vert.x timers, one event-loop context. */
@ApplicationScoped
class TrackingBeans {

    @Produces
    @Singleton
    ApiRateLimiter limiter(TrackerConfig config) {
        // No share until the first assignment: a replica that owns no input partition sends nothing.
        return new ApiRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                InstantSource.system(), config.api().requestTimeout(), 0);
    }

    @Produces
    @Singleton
    JobTracker tracker(Vertx vertx, ApiRateLimiter limiter, JobPoller poller, JobJournal journal,
            TrackerMetrics metrics, TrackerConfig config) {
        // One event-loop context confines all tracking state: no locks, and no thread per job.
        Context context = vertx.getOrCreateContext();
        JobTracker tracker = new JobTracker(task -> context.runOnContext(ignored -> task.run()), InstantSource.system(),
                new VertxTimers(vertx, context), limiter, poller, journal, metrics, TrackingPolicy.of(config),
                new SplittableRandom());
        metrics.gauges(tracker::inFlight, limiter::availableTokens, limiter::paused, limiter::budgetPerMinute);
        return tracker;
    }
}
