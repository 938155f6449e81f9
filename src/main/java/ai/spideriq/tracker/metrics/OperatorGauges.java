package ai.spideriq.tracker.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import io.quarkus.runtime.StartupEvent;

/** Registers the gauges that belong to no other bean: which build runs, and the budget SpiderIQ says is left. */
@ApplicationScoped
class OperatorGauges {

    void register(@Observes StartupEvent event, TrackerMetrics metrics, ApiRateLimiter limiter,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        metrics.buildInfo(version, System.getProperty("java.version"));
        metrics.remainingGauge(limiter::serverRemaining);
    }
}
