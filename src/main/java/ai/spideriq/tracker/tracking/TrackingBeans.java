package ai.spideriq.tracker.tracking;

import java.time.InstantSource;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.ratelimit.RedisSharedBucket;
import ai.spideriq.tracker.ratelimit.SharedTokens;
import ai.spideriq.tracker.time.VertxTimers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Wires the plain-Java tracking core to Quarkus: real time, Vert.x timers, one event-loop context. */
@ApplicationScoped
class TrackingBeans {

    @Produces
    @Singleton
    ApiRateLimiter limiter(TrackerConfig config, Vertx vertx, TrackerMetrics metrics) {
        TrackerConfig.RateLimit rateLimit = config.rateLimit();
        // No share until the first assignment: a replica that owns no input partition sends nothing.
        ApiRateLimiter limiter = new ApiRateLimiter(rateLimit.requestsPerMinute(), rateLimit.burst(),
                InstantSource.system(), config.api().requestTimeout(), 0);
        if (rateLimit.store() == TrackerConfig.RateLimit.Store.REDIS) {
            TrackerConfig.SharedStore redis = rateLimit.redis();
            SharedTokens shared = new SharedTokens(new RedisSharedBucket(vertx, redis.url(), redis.keyPrefix(),
                    rateLimit.requestsPerMinute(), rateLimit.burst(), redis.timeout()), InstantSource.system(),
                    redis.timeout(), RedisSharedBucket.where(redis.url()));
            limiter.useShared(shared);
            metrics.sharedStoreGauge(shared::up);
        }
        return limiter;
    }

    @Produces
    @Singleton
    JobTracker tracker(Vertx vertx, ApiRateLimiter limiter, JobPoller poller, InFlightLog log, Outcomes outcomes,
            TrackerMetrics metrics, TrackerConfig config) {
        // One event-loop context confines all tracking state: no locks, and no thread per job.
        Context context = vertx.getOrCreateContext();
        JobTracker tracker = new JobTracker(task -> context.runOnContext(ignored -> task.run()), InstantSource.system(),
                new VertxTimers(vertx, context), limiter, poller, log, outcomes, metrics, TrackingPolicy.of(config),
                new SplittableRandom());
        metrics.gauges(tracker::inFlight, limiter::availableTokens, limiter::paused, limiter::budgetPerMinute);
        return tracker;
    }
}
