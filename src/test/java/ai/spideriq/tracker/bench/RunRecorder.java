package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import ai.spideriq.tracker.simulator.JobState;
import ai.spideriq.tracker.simulator.SimulatedJob;

/**
 * Watches one run: which jobs were submitted and when they truly end (the simulator's word), when each got its
 * outcome, and at intervals how many had ended without being detected yet (the backlog). Thread-safe, so the
 * end-to-end layer can feed it from the Kafka consumer thread.
 */
final class RunRecorder {

    private static final class Job {
        final Instant endsAt;
        final boolean measured;
        final JobState finalState;
        Instant outcomeAt;
        int outcomes;
        boolean endFrameReached;

        Job(Instant endsAt, boolean measured, JobState finalState) {
            this.endsAt = endsAt;
            this.measured = measured;
            this.finalState = finalState;
        }
    }

    private final Map<String, Job> jobs = new HashMap<>();
    private final Set<String> open = new LinkedHashSet<>();
    private final List<Integer> backlog = new ArrayList<>();
    private int peakBacklog;
    private Instant lastOutcomeAt;

    synchronized void submitted(SimulatedJob job, boolean measured) {
        if (jobs.putIfAbsent(job.jobId(), new Job(job.endsAt(), measured, job.finalState())) == null) {
            open.add(job.jobId());
        }
    }

    /** An outcome for {@code jobId} at {@code at}; outcomes of jobs this run did not submit are ignored. */
    synchronized void outcome(String jobId, Instant at) {
        Job job = jobs.get(jobId);
        if (job == null) {
            return;
        }
        if (job.outcomes++ == 0) {
            job.outcomeAt = at;
            open.remove(jobId);
        }
        if (lastOutcomeAt == null || at.isAfter(lastOutcomeAt)) {
            lastOutcomeAt = at;
        }
    }

    /** The stream handed the tracker {@code jobId}'s end frame (completed or failed). */
    synchronized void endFrameReached(String jobId) {
        Job job = jobs.get(jobId);
        if (job != null) {
            job.endFrameReached = true;
        }
    }

    /** Lag of the measured jobs that completed or failed but whose end frame never reached the tracker. */
    synchronized LagStats lostEndLag() {
        return lagOf(job -> job.finalState != JobState.CANCELLED && !job.endFrameReached);
    }

    /** Lag of the measured cancellations (no event announces them). */
    synchronized LagStats cancelledLag() {
        return lagOf(job -> job.finalState == JobState.CANCELLED);
    }

    private LagStats lagOf(Predicate<Job> which) {
        List<Duration> lags = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (job.measured && job.outcomeAt != null && which.test(job)) {
                lags.add(Duration.between(job.endsAt, job.outcomeAt));
            }
        }
        return LagStats.of(lags, 1);
    }

    /** Counts the jobs that have ended at the simulator by {@code now} but have no outcome yet. */
    synchronized void sampleBacklog(Instant now) {
        int count = 0;
        for (String id : open) {
            if (!jobs.get(id).endsAt.isAfter(now)) {
                count++;
            }
        }
        backlog.add(count);
        peakBacklog = Math.max(peakBacklog, count);
    }

    synchronized int submitted() {
        return jobs.size();
    }

    synchronized boolean allDone() {
        return open.isEmpty();
    }

    /**
     * The run's numbers.
     *
     * @param stillTracked whether the strategy still holds a job without an outcome (unfinished, not lost)
     * @param arrivalsEnd when submissions stopped
     * @param timeScale how many uncompressed seconds one second of this run stands for
     */
    synchronized RunResult result(String layer, String strategy, Workload workload, long requests, long rateLimited,
            Predicate<String> stillTracked, Instant arrivalsEnd, double timeScale, long wallMillis) {
        List<Duration> lags = new ArrayList<>();
        int outcomes = 0;
        int duplicates = 0;
        for (Job job : jobs.values()) {
            if (job.outcomeAt != null) {
                outcomes++;
                duplicates += job.outcomes - 1;
                if (job.measured) {
                    lags.add(Duration.between(job.endsAt, job.outcomeAt));
                }
            }
        }
        int unfinished = (int) open.stream().filter(stillTracked).count();
        double drain = lastOutcomeAt == null ? 0
                : Math.max(0, Duration.between(arrivalsEnd, lastOutcomeAt).toNanos() / 1e9 * timeScale);
        return new RunResult(layer, strategy, workload, jobs.size(), requests, rateLimited, LagStats.of(lags, timeScale),
                outcomes, duplicates, unfinished, open.size() - unfinished, growing(), peakBacklog, drain, wallMillis);
    }

    /**
     * Whether the ended-but-undetected backlog grew over the run's arrival window: its mean over the last third of the
     * samples is well above (1.5 times plus 5 jobs) its mean over the first third. A stable system's backlog
     * fluctuates around a level set by its polling interval; an overloaded one's climbs steadily.
     */
    private boolean growing() {
        int third = backlog.size() / 3;
        if (third == 0) {
            return false;
        }
        double first = backlog.subList(0, third).stream().mapToInt(Integer::intValue).average().orElse(0);
        double last = backlog.subList(backlog.size() - third, backlog.size()).stream().mapToInt(Integer::intValue)
                .average().orElse(0);
        return last > first * 1.5 + 5;
    }
}
