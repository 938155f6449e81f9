package ai.spideriq.tracker.detection;

import java.util.UUID;

/**
 * What the detectors of the detecting replica tell: applied to its own tracker at once (no round trip through
 * Kafka) and published to the hints topic for every other replica. Their question, whether any job still awaits
 * word of its end, is asked of the whole fleet.
 */
final class BroadcastHints implements EndHints {

    private final EndHints tracker;
    private final FleetCoverage coverage;
    private final FleetAwaiting fleet;
    private final HintsOut out;

    BroadcastHints(EndHints tracker, FleetCoverage coverage, FleetAwaiting fleet, HintsOut out) {
        this.tracker = tracker;
        this.coverage = coverage;
        this.fleet = fleet;
        this.out = out;
    }

    @Override
    public void streaming(boolean up) {
        coverage.ownStreaming(up);
        out.publish(coverage.ownHeartbeat()); // at once: the others must not believe a dropped stream for long
    }

    @Override
    public void sweeping(boolean working) {
        coverage.ownSweeping(working);
        out.publish(coverage.ownHeartbeat());
    }

    @Override
    public void announceStarted(UUID jobId) {
        tracker.announceStarted(jobId);
        out.publish(Hint.started(jobId));
    }

    @Override
    public void announceEnded(UUID jobId) {
        tracker.announceEnded(jobId);
        out.publish(Hint.ended(jobId));
    }

    @Override
    public boolean awaitsAnyEnd() {
        return tracker.awaitsAnyEnd() || fleet.recently();
    }

    /** Only this replica's reads share the detector's bucket: the others' wait on their own. */
    @Override
    public boolean endsAwaitRead() {
        return tracker.endsAwaitRead();
    }
}
