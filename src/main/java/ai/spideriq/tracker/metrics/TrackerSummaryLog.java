package ai.spideriq.tracker.metrics;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Logs the {@link TrackerSummary} every {@code spideriq.summary.interval} (the first one interval after start-up),
 * unless {@code spideriq.summary.enabled} is false. Runs on a worker thread: it walks the meter registry and writes a
 * log line, nothing that needs the event loop.
 */
@ApplicationScoped
class TrackerSummaryLog {

    private static final Logger LOG = Logger.getLogger(TrackerSummaryLog.class);

    private final boolean enabled;
    private final TrackerSummaryReader reader;

    TrackerSummaryLog(MeterRegistry registry, TrackerConfig config) {
        this.enabled = config.summary().enabled();
        this.reader = new TrackerSummaryReader(registry, InstantSource.system(), config.rateLimit().requestsPerMinute());
    }

    @Scheduled(identity = "spideriq-summary-log", every = "${spideriq.summary.interval}", delayed = "${spideriq.summary.interval}", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void log() {
        if (enabled) {
            LOG.info(reader.read().line());
        }
    }
}
