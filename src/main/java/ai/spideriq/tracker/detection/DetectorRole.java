package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.time.Timers;

/**
 * Who detects for the fleet: the replica that owns input partition 0. The event stream and the job list are
 * account-wide, so one replica follows and sweeps them and publishes what it learns; the consumer group guarantees
 * one owner of partition 0 at a time and hands it to a survivor within one rebalance when its owner dies. A single
 * replica owns every partition, so it detects as before.
 * <p>
 * Every {@code heartbeat} the detecting replica publishes its coverage, so that the others believe its stream only
 * while it lives; every other replica that still awaits word of some job's end says so, so that the sweeps go on
 * for the fleet's jobs and stop when none waits.
 */
public final class DetectorRole implements InputOwnership {

    static final int LEAD_PARTITION = 0;
    private static final Logger LOG = Logger.getLogger(DetectorRole.class);

    private final DetectorTerms terms;
    private final FleetCoverage coverage;
    private final EndHints tracker;
    private final HintsOut out;
    private final Timers timers;
    private final Duration heartbeat;
    private DetectorTerms.Term term;
    private Timers.Cancellable tick;
    private boolean stopped;

    /** @param tracker this replica's own tracker: whether its jobs await their ends */
    public DetectorRole(DetectorTerms terms, FleetCoverage coverage, EndHints tracker, HintsOut out, Timers timers,
            Duration heartbeat) {
        this.terms = terms;
        this.coverage = coverage;
        this.tracker = tracker;
        this.out = out;
        this.timers = timers;
        this.heartbeat = heartbeat;
    }

    @Override
    public synchronized void owning(Set<Integer> partitions) {
        boolean lead = partitions.contains(LEAD_PARTITION);
        if (lead && term == null && !stopped) {
            LOG.infof("This replica detects for the fleet (it owns input partition %d): it follows the event stream "
                    + "and sweeps the job list (each when enabled) and publishes what it learns as hints",
                    LEAD_PARTITION);
            term = terms.begin();
        } else if (!lead && term != null) {
            endTerm();
            LOG.infof("This replica no longer detects for the fleet (input partition %d moved): the new owner "
                    + "does, and its hints are followed", LEAD_PARTITION);
        }
    }

    /** Whether this replica detects for the fleet now. */
    public synchronized boolean isActive() {
        return term != null;
    }

    /** Starts the heartbeat. */
    public synchronized void start() {
        stopped = false;
        schedule();
    }

    /** Stops detecting (if it did) and the heartbeat, for good. */
    public synchronized void stop() {
        stopped = true;
        if (tick != null) {
            tick.cancel();
        }
        if (term != null) {
            endTerm();
        }
    }

    private void endTerm() {
        DetectorTerms.Term ending = term;
        term = null;
        ending.end(); // its detectors say their coverage is gone, which goes out at once
    }

    private synchronized void beat() {
        if (stopped) {
            return;
        }
        if (term != null) {
            out.publish(coverage.ownHeartbeat());
        } else if (tracker.awaitsAnyEnd()) {
            out.publish(Hint.awaiting());
        }
        schedule();
    }

    private void schedule() {
        tick = timers.schedule(heartbeat, this::beat);
    }
}
