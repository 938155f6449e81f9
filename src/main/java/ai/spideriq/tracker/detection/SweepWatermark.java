package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ai.spideriq.tracker.client.JobListAnswer.ListedJob;

/**
 * How far back the previous sweeps have read the job list, so that a sweep pages back only to there and acts on each
 * status change once. A list is eventually consistent, so the mark keeps an overlap: changes up to {@code overlap}
 * older than the newest one seen are read again, and the ones already acted on are recognised by job and time.
 * <p>
 * A sweep that stops at {@code max-pages} before the mark leaves a {@link SweepGap} below its last page, which later
 * sweeps read on; the changes seen are remembered down to the gap's bottom until it is read.
 * Not thread-safe: the sweeper calls it under its own lock.
 */
final class SweepWatermark {

    private final Duration overlap;
    private final Map<UUID, Instant> seen = new HashMap<>();
    private Instant newest;
    private SweepGap gap;

    SweepWatermark(Duration overlap) {
        this.overlap = overlap;
    }

    /** Whether this change is one no sweep has seen yet. Before the first sweep, every change is new. */
    boolean isNew(ListedJob job) {
        return !job.updatedAt().equals(seen.get(job.jobId())) && (!isBehind(job) || inGap(job));
    }

    /** Whether the change lies before what earlier sweeps read from the top: paging back further finds nothing new. */
    boolean isBehind(ListedJob job) {
        return newest != null && job.updatedAt().isBefore(newest.minus(overlap));
    }

    /** Whether the change lies in the stretch a truncated sweep left unread. */
    boolean inGap(ListedJob job) {
        return gap != null && gap.holds(job.updatedAt());
    }

    /** Whether the change is older than the gap: earlier sweeps read it, and the gap is read to its end. */
    boolean belowGap(ListedJob job) {
        return gap != null && gap.isBelow(job.updatedAt());
    }

    /** Remembers a change as seen. */
    void saw(ListedJob job) {
        seen.put(job.jobId(), job.updatedAt());
    }

    /** Whether a sweep that read down to {@code oldestRead} reached changes the sweeps before it had read. */
    boolean readDownTo(Instant oldestRead) {
        return newest != null && oldestRead != null && !oldestRead.isAfter(newest);
    }

    /**
     * A sweep stopped at its last page, {@code lastPage}, whose oldest change was {@code oldestRead}, above the newest
     * change seen before: what lies between is a gap, joined to any gap left before (read again from the top of the
     * two). The first sweep leaves none: before it, nothing was read, and the tracker polls the jobs it restored.
     *
     * @return whether this opened a gap where there was none
     */
    boolean truncated(Instant oldestRead, int lastPage) {
        if (newest == null || oldestRead == null) {
            return false;
        }
        boolean opened = gap == null;
        gap = new SweepGap(opened ? newest.minus(overlap) : gap.bottom(), oldestRead, lastPage + 1);
        return opened;
    }

    /** The gap a later sweep reads on, or null. */
    SweepGap gap() {
        return gap;
    }

    /** A page of the gap was read: it is read to its end, or the next sweep reads on from the next page. */
    void gapPageRead(boolean reachedItsEnd) {
        gap = reachedItsEnd ? null : gap.nextPage();
    }

    /** Moves the mark to the newest change a sweep saw, and forgets changes below it and any gap. */
    void advanceTo(Instant newestSeen) {
        if (newestSeen != null && (newest == null || newestSeen.isAfter(newest))) {
            newest = newestSeen;
        }
        if (newest != null) {
            Instant horizon = gap != null ? gap.bottom() : newest.minus(overlap);
            seen.values().removeIf(at -> at.isBefore(horizon));
        }
    }
}
