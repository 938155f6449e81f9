package ai.spideriq.tracker.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What an operator needs to see whether ends are heard of without polling: the event stream's health, drops and
 * refusals, the job-list sweeps, which replica detects, and the hints between replicas. Every counter exists from
 * start-up, at 0.
 */
public final class DetectionMetrics {

    public static final String EVENTS_RECEIVED = "spideriq.events.received";
    public static final String EVENTS_STREAM_UP = "spideriq.events.stream_up";
    public static final String EVENTS_LAST_FRAME_AGE = "spideriq.events.last_frame_age";
    public static final String EVENTS_DROPS = "spideriq.events.drops";
    public static final String EVENTS_REFUSALS = "spideriq.events.refusals";
    public static final String SWEEPS = "spideriq.sweeps";
    public static final String SWEEP_ENDS_FOUND = "spideriq.sweep.ends_found";
    public static final String SWEEP_WORKING = "spideriq.sweep.working";
    public static final String ENDS_FOUND = "spideriq.ends.found";
    public static final String DETECTOR_ACTIVE = "spideriq.detector.active";
    public static final String HINTS_PUBLISHED = "spideriq.hints.published";
    public static final String HINTS_RECEIVED = "spideriq.hints.received";
    /** The {@code kind} tag values of hints (received ones also {@code invalid} and {@code other}). */
    public static final List<String> HINT_KINDS = List.of("ended", "started", "coverage", "awaiting");

    private final MeterRegistry registry;
    private final Counter sweepEndsFound;

    DetectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Created up front so dashboards and alerts see zeros instead of gaps.
        for (String event : List.of("connected", "heartbeat", "error", "job.queued", "job.started", "job.completed",
                "job.failed", "other")) {
            eventReceived(event);
        }
        for (String reason : List.of("refused", "failed", "silent", "error_event", "ended")) {
            streamDrops(reason);
        }
        for (String status : List.of("401", "403", "404", "429", "500", "502", "503")) {
            streamRefusals(status);
        }
        for (String result : List.of("complete", "truncated", "failed", "unavailable")) {
            sweeps(result);
        }
        for (String by : List.of("announcement", "poll")) {
            for (String coverage : List.of("polls", "stream", "sweeps")) {
                endsFound(by, coverage);
            }
        }
        this.sweepEndsFound = Counter.builder(SWEEP_ENDS_FOUND)
                .description("Ended jobs the job-list sweeps announced (tracked or not)").register(registry);
        HINT_KINDS.forEach(this::hintsPublished);
        for (String kind : List.of("ended", "started", "coverage", "awaiting", "invalid", "other")) {
            hintsReceived(kind);
        }
    }

    /** An event arrived on the stream; {@code event} is its documented name, or {@code other}. */
    public Counter eventReceived(String event) {
        return Counter.builder(EVENTS_RECEIVED).description("Events received on the SpiderIQ event stream, by event")
                .tag("event", event).register(registry);
    }

    /** The stream's health: whether it is up (1) or down (0), and how long since its last frame. */
    public void streamGauges(Supplier<Boolean> up, Supplier<Duration> sinceLastFrame) {
        Gauge.builder(EVENTS_STREAM_UP, () -> up.get() ? 1 : 0)
                .description("1 while the SpiderIQ event stream is connected").register(registry);
        Gauge.builder(EVENTS_LAST_FRAME_AGE, () -> sinceLastFrame.get().toMillis() / 1000.0).baseUnit("seconds")
                .description("Since the event stream's last frame (SpiderIQ sends a heartbeat every 30 s)")
                .register(registry);
    }

    /**
     * A stream connection ended: {@code reason} is refused, failed, silent, error_event or ended; {@code status} the
     * HTTP status of a refusal.
     */
    public void streamDropped(String reason, String status) {
        streamDrops(reason).increment();
        if (!status.isEmpty()) {
            streamRefusals(status).increment();
        }
    }

    /** Whether the job-list sweeps work (1) or are switched off (0). */
    public void sweepGauge(Supplier<Boolean> working) {
        Gauge.builder(SWEEP_WORKING, () -> working.get() ? 1 : 0)
                .description("1 while the job-list sweeps read the list as documented").register(registry);
    }

    /** A sweep ended: complete, truncated (max pages or no token), failed (5xx, timeout) or unavailable. */
    public void sweep(String result) {
        sweeps(result).increment();
    }

    public void sweepFoundEnd() {
        sweepEndsFound.increment();
    }

    /**
     * A tracked job's end was read: after an announcement (stream, sweep or hint) or by its own poll, while
     * {@code coverage} (polls, stream or sweeps) was what else would tell its end. Ends found by polls while sweeps
     * cover are ends the list missed: a list that lags or has gone stale shows there.
     */
    public void endFound(boolean announced, String coverage) {
        endsFound(announced ? "announcement" : "poll", coverage).increment();
    }

    private Counter endsFound(String by, String coverage) {
        return Counter.builder(ENDS_FOUND)
                .description("Ends of tracked jobs read, by what led to the read and what else covered the job")
                .tag("by", by).tag("coverage", coverage).register(registry);
    }

    /** Whether this replica detects for the fleet (1) or follows the hints of the one that does (0). */
    public void detectorGauge(Supplier<Boolean> active) {
        Gauge.builder(DETECTOR_ACTIVE, () -> active.get() ? 1 : 0)
                .description("1 on the replica that follows the event stream and sweeps the job list for the fleet")
                .register(registry);
    }

    /** A hint was written to the hints topic; {@code kind} one of {@link #HINT_KINDS}. */
    public void hintPublished(String kind) {
        hintsPublished(kind).increment();
    }

    /** Another replica's hint was read; {@code kind} one of {@link #HINT_KINDS}, {@code invalid} or {@code other}. */
    public void hintReceived(String kind) {
        hintsReceived(kind).increment();
    }

    private Counter hintsPublished(String kind) {
        return Counter.builder(HINTS_PUBLISHED).description("Hints this replica wrote to the hints topic, by kind")
                .tag("kind", kind).register(registry);
    }

    private Counter hintsReceived(String kind) {
        return Counter.builder(HINTS_RECEIVED)
                .description("Other replicas' hints this replica read from the hints topic, by kind")
                .tag("kind", kind).register(registry);
    }

    private Counter streamDrops(String reason) {
        return Counter.builder(EVENTS_DROPS).description("Event stream connections that ended, by reason")
                .tag("reason", reason).register(registry);
    }

    private Counter streamRefusals(String status) {
        return Counter.builder(EVENTS_REFUSALS).description("Event stream connections refused, by HTTP status")
                .tag("status", status).register(registry);
    }

    private Counter sweeps(String result) {
        return Counter.builder(SWEEPS).description("Job-list sweeps, by result").tag("result", result)
                .register(registry);
    }
}
