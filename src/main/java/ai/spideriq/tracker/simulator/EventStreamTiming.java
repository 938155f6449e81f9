package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * The real-time pacing of the event stream over HTTP; the core has no timers, so the routes drive it.
 *
 * @param heartbeat interval of the {@code : keep-alive} comment on each open stream
 * @param tick how often due events are handed to the open streams
 */
public record EventStreamTiming(Duration heartbeat, Duration tick) {

    /** A keep-alive every 15 s, events handed over every 100 ms. */
    public static final EventStreamTiming DEFAULTS = new EventStreamTiming(Duration.ofSeconds(15), Duration.ofMillis(100));

    public EventStreamTiming {
        if (heartbeat.toMillis() < 1 || tick.toMillis() < 1) {
            throw new IllegalArgumentException("Event stream heartbeat and tick must be at least 1 ms");
        }
    }
}
