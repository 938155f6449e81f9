package ai.spideriq.tracker.detection;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.JobListAnswer;
import ai.spideriq.tracker.client.JobListAnswer.ListedJob;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.time.Timers;
import ai.spideriq.tracker.tracking.Backoff;

/**
 * Finds ended jobs, cancellations included, by sweeping the account's job list: the most recently updated jobs
 * first, paging back (at most {@code max-pages}) until it reaches what the previous sweep saw; what a sweep stopped
 * by {@code max-pages} left unread, later sweeps read on, a page each ({@link SweepRun}). Every job it shows
 * ended is announced to the tracker, which reads it once with {@code /results}; untracked ones are remembered a
 * while in case their submission comes later. One request finds the ends of up to a page of jobs, so this is what
 * keeps heavy load cheap.
 * <p>
 * The list is an accelerator: if it answers 404/400/422, a body that is not the documented list, or no jobs while
 * jobs are tracked, or gives no answer to several sweeps in a row, sweeps switch off with a backoff and one log line,
 * and the tracker polls on its own plan. Each
 * page takes a limiter token; a sweep with nothing to find (no job awaits its end) is not sent.
 * <p>
 * Sweeps fill what the rest of the tracker leaves of the budget ({@link SweepPacing}, from the limiter's spent rate
 * less the sweeps' own pages), and yield to announced ends still waiting for a token: those reads are certain.
 */
public final class JobListSweeper {

    /**
     * @param pacing how often to sweep
     * @param pageSize jobs per page (the API allows up to 100)
     * @param maxPages pages one sweep reads at most
     * @param overlap how much older than the newest change seen a later sweep still reads
     * @param offDelay after an unusable answer, how long sweeps stay off; doubling up to its max
     */
    public record Settings(SweepPacing pacing, int pageSize, int maxPages, Duration overlap, Backoff offDelay) {
        public Settings {
            if (pageSize < 1 || pageSize > 100 || maxPages < 1) {
                throw new IllegalArgumentException("sweep page-size must be 1..100 and max-pages at least 1");
            }
        }

        public static Settings of(TrackerConfig.Sweep sweep) {
            return new Settings(new SweepPacing(sweep.idleInterval(), sweep.streamingInterval(), sweep.tightInterval(),
                    sweep.reserve()), sweep.pageSize(), sweep.maxPages(), sweep.overlap(),
                    new Backoff(sweep.offDelay(), 2, sweep.maxOffDelay(), 0.2));
        }
    }

    private final JobLister lister;
    private final SweepBudget budget;
    private final Timers timers;
    private final EndHints hints;
    private final TrackerMetrics metrics;
    private final Settings settings;
    private final SweepWatermark watermark;
    private final SweepSwitch onOff;
    private boolean stopped = true;
    private Timers.Cancellable timer;

    /** @param streaming whether the event stream is up right now */
    public JobListSweeper(JobLister lister, ApiRateLimiter limiter, Timers timers, EndHints hints,
            BooleanSupplier streaming, TrackerMetrics metrics, Settings settings, RandomGenerator random) {
        this.lister = lister;
        this.budget = new SweepBudget(limiter, settings.pacing(), streaming);
        this.timers = timers;
        this.hints = hints;
        this.metrics = metrics;
        this.settings = settings;
        this.watermark = new SweepWatermark(settings.overlap());
        this.onOff = new SweepSwitch(hints, settings.offDelay(), random, settings.pageSize());
    }

    public synchronized void start() {
        stopped = false;
        sweep();
    }

    public synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
        onOff.stopped();
    }

    /** Whether the last sweep read the list as documented. */
    public boolean isWorking() {
        return onOff.isWorking();
    }

    private synchronized void sweep() {
        if (stopped) {
            return;
        }
        if (!hints.awaitsAnyEnd()) {
            later(budget.floor());
            return;
        }
        if (hints.endsAwaitRead()) {
            // Once the budget is spent, the others' spent rate is capped by what sweeps leave them: a sweep that
            // took tokens ahead of queued reads would see them slow down, and sweep more. Ends found go first.
            later(budget.yieldDelay());
            return;
        }
        read(1, new SweepRun(watermark, settings.maxPages(), budget.othersPerMinute()));
    }

    private void read(int page, SweepRun run) {
        Duration wait = budget.tryAcquirePage();
        if (!wait.isZero()) {
            // Every page waits for its token like any request. A later page is not given up: the mark moves past
            // it once the sweep is done, and the ends on it would be left to guard polls minutes apart.
            timer = timers.schedule(wait, () -> readLater(page, run));
            return;
        }
        lister.list(page, settings.pageSize()).subscribe()
                .with(answer -> answered(page, run, answer), failure -> answered(page, run,
                        new JobListAnswer.Failed(failure.getClass().getSimpleName())));
    }

    private synchronized void readLater(int page, SweepRun run) {
        if (!stopped) {
            read(page, run);
        }
    }

    private synchronized void answered(int page, SweepRun run, JobListAnswer answer) {
        if (stopped) {
            return;
        }
        if (answer instanceof JobListAnswer.Page listed) {
            paged(page, run, listed);
        } else if (answer instanceof JobListAnswer.Unavailable unusable) {
            switchOff(unusable.reason());
        } else if (answer instanceof JobListAnswer.Failed failed && !failed.rateLimited() && onOff.failedInARow()) {
            switchOff(String.format("%d sweeps in a row got no answer (the last: %s)", SweepSwitch.FAILURES_IN_A_ROW,
                    failed.reason()));
        } else {
            // One 5xx or timeout says nothing about the list, and a 429 only about the account: the next sweep tries.
            metrics.detection().sweep("failed");
            later(budget.interval());
        }
    }

    private void paged(int page, SweepRun run, JobListAnswer.Page listed) {
        if (run.onFirstPage(page) && listed.jobs().isEmpty() && hints.awaitsAnyEnd()) {
            switchOff("it lists no jobs while jobs are tracked");
            return;
        }
        onOff.on();
        int next = run.read(page, listed, this::announceIfEnded);
        if (next > 0) {
            read(next, run);
            return;
        }
        metrics.detection().sweep(run.finish());
        // The others' rate as it was before this sweep's finds were read: right after them it counts their burst at
        // its peak and stretches the next sweep, which finds more at once: the spiral pacing by fill fell into.
        later(budget.interval(run.othersBefore, run.pagesRead()));
    }

    private void announceIfEnded(ListedJob job) {
        if (job.ended()) {
            metrics.detection().sweepFoundEnd();
            hints.announceEnded(job.jobId());
        }
    }

    private void switchOff(String reason) {
        metrics.detection().sweep("unavailable");
        later(onOff.off(reason));
    }

    private void later(Duration delay) {
        if (!stopped) {
            timer = timers.schedule(delay, this::sweep);
        }
    }
}
