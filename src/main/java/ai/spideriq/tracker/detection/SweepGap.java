package ai.spideriq.tracker.detection;

import java.time.Instant;

/**
 * The stretch of the job list a truncated sweep left unread: changes from {@code bottom} (what the sweeps before it
 * had read down to) up to {@code top} (the oldest change on its last page), read on from {@code page}, one page per
 * later sweep after its own top pages.
 * <p>
 * Reading on from a page number is safe because nothing in a list sorted by last change ever moves up: a job that
 * changes again leaves its place for the top, where the next sweep sees it, and every new change lands on top and
 * pushes the rest down. So what was unread on {@code page} then is on that page or further down now: a later read
 * can see a change twice (the watermark knows it) but never skips one. It reaches the bottom as long as fewer changes
 * land on top between two sweeps than a page holds (100 a page: 20 s at the 300 changes a minute of 100 jobs a
 * minute); while more land, sweeps are cut short anyway, and guard polls are the net.
 *
 * @param bottom changes at or after it were not all read
 * @param top changes at or before it were not all read
 * @param page the next page to read
 */
record SweepGap(Instant bottom, Instant top, int page) {

    boolean holds(Instant updatedAt) {
        return !updatedAt.isBefore(bottom) && !updatedAt.isAfter(top);
    }

    /** Whether a change lies below the gap, older than it: reading down to it, the gap is read. */
    boolean isBelow(Instant updatedAt) {
        return updatedAt.isBefore(bottom);
    }

    SweepGap nextPage() {
        return new SweepGap(bottom, top, page + 1);
    }
}
