package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Whether another replica said lately that it awaits word of some job's end. The detecting replica sweeps the job
 * list while any replica of the fleet awaits, and sends no sweep when none does.
 */
public final class FleetAwaiting {

    private final InstantSource clock;
    private final Duration believedFor;
    private volatile Instant heardAt;

    /** @param believedFor how long one "awaiting" is believed: a few of the senders' intervals */
    public FleetAwaiting(InstantSource clock, Duration believedFor) {
        this.clock = clock;
        this.believedFor = believedFor;
    }

    public void heard() {
        heardAt = clock.instant();
    }

    public boolean recently() {
        Instant at = heardAt;
        return at != null && Duration.between(at, clock.instant()).compareTo(believedFor) < 0;
    }
}
