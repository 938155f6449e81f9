package ai.spideriq.tracker.tracking;

import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.Executor;

import ai.spideriq.tracker.detection.EndHints;

/**
 * What the detectors tell the tracker ({@link EndHints}), applied to its jobs on its context: a start marks the job,
 * an announced end has it read at once, and a change of {@link Coverage} moves guard polls. Announcements of jobs not
 * tracked yet are kept for when their submission comes ({@link EarlyAnnouncements}).
 */
final class Announcements implements EndHints {

    /** What an announcement does to the jobs' polls. */
    interface Reads {
        /** Reads the job at {@code at}, ahead of every planned poll. */
        void readAnnounced(TrackedJob job, Instant at);

        /** Coverage got worse: guard polls come forward to where the plan now places them. */
        void coverageDropped(Coverage now);
    }

    private final TrackedJobs jobs;
    private final Executor context;
    private final InstantSource clock;
    private final Reads reads;
    private final EarlyAnnouncements early = new EarlyAnnouncements(10_000);
    private boolean streaming;
    private boolean sweeping;

    Announcements(TrackedJobs jobs, Executor context, InstantSource clock, Reads reads) {
        this.jobs = jobs;
        this.context = context;
        this.clock = clock;
        this.reads = reads;
    }

    /** What covers the jobs now, besides their own polls. */
    Coverage coverage() {
        return sweeping ? Coverage.SWEEPS : streaming ? Coverage.STREAM : Coverage.POLLS;
    }

    /** {@code job} with what was announced of it before it was tracked, if anything was. */
    TrackedJob known(TrackedJob job) {
        return early.applyTo(job);
    }

    @Override
    public void streaming(boolean live) {
        context.execute(() -> covered(() -> streaming = live));
    }

    @Override
    public void sweeping(boolean working) {
        context.execute(() -> covered(() -> sweeping = working));
    }

    /** A drop costs no burst of requests: each job comes forward to its own time in the plan. */
    private void covered(Runnable change) {
        Coverage before = coverage();
        change.run();
        Coverage now = coverage();
        if (now.compareTo(before) < 0) {
            reads.coverageDropped(now);
        }
    }

    @Override
    public boolean awaitsAnyEnd() {
        return jobs.anyMatch(job -> job.phase() != TrackedJob.Phase.PUBLISHING && !job.endAnnounced());
    }

    @Override
    public boolean endsAwaitRead() {
        Instant now = clock.instant();
        return jobs.anyMatch(job -> job.phase() == TrackedJob.Phase.WAITING && job.endAnnounced()
                && job.nextPollAt() != null && !job.nextPollAt().isAfter(now));
    }

    /** A worker picked the job up: its processing time is measured from now. */
    @Override
    public void announceStarted(UUID jobId) {
        context.execute(() -> {
            TrackedJob job = jobs.get(jobId);
            if (job == null) {
                early.started(jobId, clock.instant());
            } else if (job.phase() != TrackedJob.Phase.PUBLISHING && job.startedAt() == null) {
                jobs.update(job.started(clock.instant()));
            }
        });
    }

    /**
     * The job ended: read it now, ahead of every scheduled poll. An end of a job this instance does not track (both
     * detectors are account-wide) is remembered a while, in case its submission comes later.
     */
    @Override
    public void announceEnded(UUID jobId) {
        context.execute(() -> {
            TrackedJob job = jobs.get(jobId);
            if (job == null) {
                early.ended(jobId);
            } else if (job.phase() != TrackedJob.Phase.PUBLISHING && !job.endAnnounced()) {
                jobs.update(job.announcedEnded());
                if (job.phase() == TrackedJob.Phase.WAITING) {
                    reads.readAnnounced(job.announcedEnded(), clock.instant());
                }
            }
        });
    }
}
