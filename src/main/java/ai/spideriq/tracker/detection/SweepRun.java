package ai.spideriq.tracker.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.client.JobListAnswer;
import ai.spideriq.tracker.client.JobListAnswer.ListedJob;

/**
 * One sweep's course through the job list: from the top down to the watermark (at most {@code max-pages}), then one
 * page of a gap an earlier truncated sweep left, if there is one. It reads the pages the sweeper fetches, hands on
 * the changes no sweep has seen yet, and says which page comes next. Not thread-safe: the sweeper calls it under its
 * own lock.
 */
final class SweepRun {

    private static final Logger LOG = Logger.getLogger(JobListSweeper.class);

    private final SweepWatermark watermark;
    private final int maxPages;
    /** What the rest of the tracker spent lately when the sweep began, which paces the next one. */
    final double othersBefore;
    private Instant newest;
    private Instant oldest;
    private boolean readingGap;
    private boolean truncated;
    private int pagesRead;

    SweepRun(SweepWatermark watermark, int maxPages, double othersBefore) {
        this.watermark = watermark;
        this.maxPages = maxPages;
        this.othersBefore = othersBefore;
    }

    /** Whether the sweep is on its first page, where a list that shows no jobs at all says something. */
    boolean onFirstPage(int page) {
        return page == 1 && !readingGap;
    }

    /**
     * Reads a page the sweep asked for: each change no sweep has seen yet is remembered and goes to {@code unseen}.
     *
     * @return the page to read next, or 0 once the sweep is done
     */
    int read(int page, JobListAnswer.Page listed, Consumer<ListedJob> unseen) {
        pagesRead++;
        return readingGap ? readGap(page, listed, unseen) : readTop(page, listed, unseen);
    }

    private int readTop(int page, JobListAnswer.Page listed, Consumer<ListedJob> unseen) {
        boolean reachedMark = false;
        List<ListedJob> fresh = new ArrayList<>();
        for (ListedJob job : listed.jobs()) {
            saw(job);
            if (watermark.isBehind(job)) {
                reachedMark = true;
            } else if (watermark.isNew(job)) {
                fresh.add(job);
            }
        }
        oldestFirst(fresh, unseen);
        boolean endOfList = listed.jobs().isEmpty() || page >= listed.totalPages();
        if (!reachedMark && !endOfList) {
            if (page < maxPages) {
                return page + 1;
            }
            if (!watermark.readDownTo(oldest)) {
                truncated = true;
                if (watermark.truncated(oldest, page)) {
                    LOG.infof("A job-list sweep read %d pages without reaching what the previous one saw: "
                            + "later sweeps read on from page %d, a page each", page, page + 1);
                }
                return 0;
            }
            // Its last page reached changes the previous sweep read: only the overlap below is left, as at the mark.
        } else if (endOfList && !reachedMark && watermark.gap() != null) {
            watermark.gapPageRead(true); // read to the list's end: every job that was in the gap moved up since
        }
        if (watermark.gap() == null) {
            return 0;
        }
        readingGap = true;
        return watermark.gap().page();
    }

    private int readGap(int page, JobListAnswer.Page listed, Consumer<ListedJob> unseen) {
        boolean readToItsEnd = listed.jobs().isEmpty() || page >= listed.totalPages();
        List<ListedJob> fresh = new ArrayList<>();
        for (ListedJob job : listed.jobs()) {
            if (watermark.belowGap(job)) {
                readToItsEnd = true;
            } else if (watermark.inGap(job) && watermark.isNew(job)) {
                fresh.add(job);
            }
        }
        oldestFirst(fresh, unseen);
        watermark.gapPageRead(readToItsEnd);
        if (readToItsEnd) {
            LOG.infof("The job-list sweeps have read what a truncated sweep left, down to page %d", page);
        }
        return 0;
    }

    /**
     * Remembers a page's unseen changes and hands them on. A page lists the newest change first; they are handed on
     * oldest first, so that the reads of their ends, which queue in the order announced when many end at once, go
     * first to the end that has waited longest.
     */
    private void oldestFirst(List<ListedJob> newestFirst, Consumer<ListedJob> unseen) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            watermark.saw(newestFirst.get(i));
            unseen.accept(newestFirst.get(i));
        }
    }

    private void saw(ListedJob job) {
        if (newest == null || job.updatedAt().isAfter(newest)) {
            newest = job.updatedAt();
        }
        if (oldest == null || job.updatedAt().isBefore(oldest)) {
            oldest = job.updatedAt();
        }
    }

    /** The pages the sweep read: it took as many spare requests. */
    int pagesRead() {
        return pagesRead;
    }

    /** The sweep is done: the mark moves to the newest change it saw. Answers its result, as the metrics name it. */
    String finish() {
        watermark.advanceTo(newest);
        return truncated ? "truncated" : "complete";
    }
}
