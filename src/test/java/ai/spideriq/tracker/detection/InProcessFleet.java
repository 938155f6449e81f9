package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.time.Timers;

/**
 * Replicas' detection wired as {@code DetectionBeans} wires it, joined by an in-memory hints topic that delivers every
 * hint synchronously to every replica (each ignores its own, as over Kafka). It lives here because the wiring's parts
 * ({@link BroadcastHints}, {@link Hint#from}) are package-private; the benchmark's fleet runs use it.
 */
public final class InProcessFleet {

    private final List<HintsReceiver> receivers = new ArrayList<>();
    private final InstantSource clock;
    private final Timers timers;
    private final Duration heartbeat;

    public InProcessFleet(InstantSource clock, Timers timers, Duration heartbeat) {
        this.clock = clock;
        this.timers = timers;
        this.heartbeat = heartbeat;
    }

    /**
     * Adds one replica and starts its heartbeat; it detects once it is told it owns partition 0.
     *
     * @param tracker the replica's tracker ({@code JobTracker.announcements()})
     * @param detectors starts the replica's stream follower and sweeper telling the given hints; stopped by the term
     */
    public DetectorRole join(String name, EndHints tracker, TrackerMetrics metrics,
            Function<EndHints, DetectorTerms.Term> detectors) {
        Duration believed = heartbeat.multipliedBy(DetectionBeans.HEARTBEATS_BELIEVED);
        FleetCoverage coverage = new FleetCoverage(tracker, clock, timers, believed);
        FleetAwaiting awaiting = new FleetAwaiting(clock, believed);
        receivers.add(new HintsReceiver(name, tracker, coverage, awaiting, metrics));
        HintsOut out = hint -> List.copyOf(receivers).forEach(r -> r.receive(hint.from(name)));
        BroadcastHints hints = new BroadcastHints(tracker, coverage, awaiting, out);
        DetectorRole role = new DetectorRole(() -> detectors.apply(hints), coverage, tracker, out, timers, heartbeat);
        role.start();
        return role;
    }
}
