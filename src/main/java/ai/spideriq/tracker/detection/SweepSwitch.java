package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.tracking.Backoff;

/**
 * Whether the job-list sweeps work: on at the first answer read as documented, off after an unusable one (404, a body
 * that is not the list, no jobs while jobs are tracked) or {@value #FAILURES_IN_A_ROW} sweeps in a row without an
 * answer (5xx, timeouts: a list that accepts and goes silent), for a backoff that grows while the list stays so. Each
 * change is logged once (a list that keeps failing the same way is not logged again) and told to the tracker, which
 * spaces the jobs' own polls by it. Not thread-safe but for {@link #isWorking()}: the sweeper calls it under its lock.
 */
final class SweepSwitch {

    private static final Logger LOG = Logger.getLogger(JobListSweeper.class);
    /** One failed sweep says nothing about the list; this many in a row, and guard polls cannot count on it. */
    static final int FAILURES_IN_A_ROW = 3;

    private final EndHints hints;
    private final Backoff offDelay;
    private final RandomGenerator random;
    private final int pageSize;
    private volatile boolean working;
    private int offAttempts;
    private String offReason;
    private int failuresInARow;

    SweepSwitch(EndHints hints, Backoff offDelay, RandomGenerator random, int pageSize) {
        this.hints = hints;
        this.offDelay = offDelay;
        this.random = random;
        this.pageSize = pageSize;
    }

    boolean isWorking() {
        return working;
    }

    /** The list answered as documented. */
    void on() {
        failuresInARow = 0;
        if (!working) {
            offAttempts = 0;
            LOG.infof("SpiderIQ job list sweeps %s: ends are found by one request for up to %d jobs",
                    offReason == null ? "on" : "on again", pageSize);
            offReason = null;
            set(true);
        }
    }

    /** A sweep got no answer (5xx, timeout, connection error): whether that makes enough in a row to switch off. */
    boolean failedInARow() {
        return ++failuresInARow >= FAILURES_IN_A_ROW;
    }

    /** The list answered unusably: sweeps are off for the returned delay. */
    Duration off(String reason) {
        failuresInARow = 0;
        Duration off = offDelay.delay(offAttempts++, random);
        if (working || !reason.equals(offReason)) {
            LOG.warnf("SpiderIQ job list unusable (%s): sweeps off for %d s, jobs are polled on their own plan",
                    reason, off.toSeconds());
        }
        offReason = reason;
        set(false);
        return off;
    }

    /** Sweeping stopped (shutdown): the tracker no longer counts on it. */
    void stopped() {
        set(false);
    }

    private void set(boolean works) {
        if (working != works) {
            working = works;
            hints.sweeping(works);
        }
    }
}
