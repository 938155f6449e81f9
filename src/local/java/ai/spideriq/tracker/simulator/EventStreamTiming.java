package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * The real-time pacing of the event stream over HTTP; the core has no timers, so the routes drive it. Heartbeats
 * are the core's ({@link SimulatorSettings#eventHeartbeat()}), on the simulator's clock, sent from these ticks.
 *
 * @param tick how often due events and heartbeats are handed to the open streams
 */
public record EventStreamTiming(Duration tick) {

    /** Events handed over every 100 ms. */
    public static final EventStreamTiming DEFAULTS = new EventStreamTiming(Duration.ofMillis(100));

    public EventStreamTiming {
        if (tick.toMillis() < 1) {
            throw new IllegalArgumentException("Event stream tick must be at least 1 ms");
        }
    }
}
