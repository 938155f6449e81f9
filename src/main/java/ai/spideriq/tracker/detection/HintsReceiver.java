package ai.spideriq.tracker.detection;

import ai.spideriq.tracker.metrics.TrackerMetrics;

/**
 * Applies what the fleet's hints topic says to this replica: ends and starts go to its tracker (which remembers those
 * of jobs it does not track yet, as it does for the stream's), the detecting replica's heartbeat to its
 * {@link FleetCoverage}, another replica's "awaiting" to {@link FleetAwaiting}. Its own hints it applied already.
 */
public final class HintsReceiver {

    private final String self;
    private final EndHints tracker;
    private final FleetCoverage coverage;
    private final FleetAwaiting fleet;
    private final TrackerMetrics metrics;

    public HintsReceiver(String self, EndHints tracker, FleetCoverage coverage, FleetAwaiting fleet,
            TrackerMetrics metrics) {
        this.self = self;
        this.tracker = tracker;
        this.coverage = coverage;
        this.fleet = fleet;
        this.metrics = metrics;
    }

    public void receive(Hint hint) {
        if (hint == null || hint.kind() == null || self.equals(hint.from())) {
            return;
        }
        switch (hint.kind()) {
            case Hint.ENDED -> {
                if (hint.jobId() != null) {
                    tracker.announceEnded(hint.jobId());
                }
            }
            case Hint.STARTED -> {
                if (hint.jobId() != null) {
                    tracker.announceStarted(hint.jobId());
                }
            }
            case Hint.COVERAGE -> coverage.heard(Boolean.TRUE.equals(hint.streaming()),
                    Boolean.TRUE.equals(hint.sweeping()));
            case Hint.AWAITING -> fleet.heard();
            default -> {
                metrics.detection().hintReceived("other");
                return; // a kind of a newer version: ignored
            }
        }
        metrics.detection().hintReceived(hint.kind());
    }
}
