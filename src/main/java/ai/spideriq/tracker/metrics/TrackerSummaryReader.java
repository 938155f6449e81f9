package ai.spideriq.tracker.metrics;

import java.time.InstantSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Reads a {@link TrackerSummary} from the meters {@link TrackerMetrics} registers, so that the log line and
 * {@code /q/metrics} can never disagree. Meters not registered yet read as zero.
 */
public final class TrackerSummaryReader {

    private final MeterRegistry registry;
    private final InstantSource clock;
    private final int budgetPerMinute;
    private final RequestsLastMinute requests;

    public TrackerSummaryReader(MeterRegistry registry, InstantSource clock, int budgetPerMinute) {
        this.registry = registry;
        this.clock = clock;
        this.budgetPerMinute = budgetPerMinute;
        this.requests = new RequestsLastMinute(clock.instant(), apiRequests());
    }

    /** The summary now; each call is also a reading of the request count for the last-minute window. */
    public TrackerSummary read() {
        long completed = 0;
        long cancelled = 0;
        long failed = 0;
        for (Counter counter : registry.find(TrackerMetrics.OUTCOMES).counters()) {
            long count = Math.round(counter.count());
            // Every other outcome label is a failure reason: those outcomes go to the failed topic.
            switch (String.valueOf(counter.getId().getTag("outcome"))) {
                case "completed" -> completed += count;
                case "cancelled" -> cancelled += count;
                default -> failed += count;
            }
        }
        Gauge inFlight = registry.find(TrackerMetrics.JOBS_IN_FLIGHT).gauge();
        Counter rateLimited = registry.find(TrackerMetrics.API_RATE_LIMITED).counter();
        double deadLettered = registry.find(IntakeMetrics.DEAD_LETTERED).counters().stream()
                .mapToDouble(Counter::count).sum();
        return new TrackerSummary(inFlight == null ? 0 : Math.round(inFlight.value()), completed, failed, cancelled,
                requests.observe(clock.instant(), apiRequests()), budgetPerMinute,
                rateLimited == null ? 0 : Math.round(rateLimited.count()), Math.round(deadLettered));
    }

    private double apiRequests() {
        return registry.find(TrackerMetrics.API_REQUESTS).timers().stream().mapToDouble(Timer::count).sum();
    }
}
