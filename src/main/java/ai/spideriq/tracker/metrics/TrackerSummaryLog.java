package ai.spideriq.tracker.metrics;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Logs the {@link TrackerSummary} every {@code spideriq.summary.interval}, on a Vert.x timer. */
@ApplicationScoped
class TrackerSummaryLog {

    private static final Logger LOG = Logger.getLogger(TrackerSummaryLog.class);

    private final Vertx vertx;
    private long timerId = -1;

    TrackerSummaryLog(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event, MeterRegistry registry, TrackerConfig config) {
        if (!config.summary().enabled()) {
            return;
        }
        TrackerSummaryReader reader = new TrackerSummaryReader(registry, InstantSource.system(),
                config.rateLimit().requestsPerMinute());
        timerId = vertx.setPeriodic(config.summary().interval().toMillis(),
                ignored -> LOG.info(reader.read().line()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
