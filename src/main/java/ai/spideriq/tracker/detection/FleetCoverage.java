package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import ai.spideriq.tracker.time.Timers;

/**
 * What covers this replica's jobs besides their own polls: the detectors it runs itself, when it detects for the
 * fleet, or the coverage the detecting replica last announced in its heartbeat. Heard coverage is believed only
 * for {@code expiry} after the last heartbeat, so when the detecting replica dies its coverage ends with it and the
 * tracker brings its guard polls back to the plan (never worse than polling alone). The tracker is told only of
 * changes of the combination.
 */
public final class FleetCoverage {

    private final EndHints tracker;
    private final InstantSource clock;
    private final Timers timers;
    private final Duration expiry;
    private boolean ownStreaming;
    private boolean ownSweeping;
    private boolean heardStreaming;
    private boolean heardSweeping;
    private Instant heardAt;
    private boolean toldStreaming;
    private boolean toldSweeping;
    private Timers.Cancellable expiryCheck;

    public FleetCoverage(EndHints tracker, InstantSource clock, Timers timers, Duration expiry) {
        this.tracker = tracker;
        this.clock = clock;
        this.timers = timers;
        this.expiry = expiry;
    }

    /** This replica's own event stream came up or dropped. */
    public synchronized void ownStreaming(boolean up) {
        ownStreaming = up;
        tell();
    }

    /** This replica's own sweeps started working or were switched off. */
    public synchronized void ownSweeping(boolean working) {
        ownSweeping = working;
        tell();
    }

    /** This replica's own detectors, as its heartbeat announces them. */
    public synchronized Hint ownHeartbeat() {
        return Hint.coverage(ownStreaming, ownSweeping);
    }

    /** The detecting replica's heartbeat arrived: believed until {@code expiry} from now. */
    public synchronized void heard(boolean streaming, boolean sweeping) {
        heardStreaming = streaming;
        heardSweeping = sweeping;
        heardAt = clock.instant();
        if (expiryCheck != null) {
            expiryCheck.cancel();
        }
        expiryCheck = timers.schedule(expiry, this::expire);
        tell();
    }

    /** Whether heard coverage is still believed. */
    public synchronized boolean heardRecently() {
        return heardAt != null && Duration.between(heardAt, clock.instant()).compareTo(expiry) < 0;
    }

    private synchronized void expire() {
        expiryCheck = null;
        tell();
    }

    private void tell() {
        boolean fresh = heardRecently();
        boolean streaming = ownStreaming || fresh && heardStreaming;
        boolean sweeping = ownSweeping || fresh && heardSweeping;
        if (streaming != toldStreaming) {
            toldStreaming = streaming;
            tracker.streaming(streaming);
        }
        if (sweeping != toldSweeping) {
            toldSweeping = sweeping;
            tracker.sweeping(sweeping);
        }
    }
}
