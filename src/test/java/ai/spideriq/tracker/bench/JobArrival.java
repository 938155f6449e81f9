package ai.spideriq.tracker.bench;

import java.time.Duration;

import ai.spideriq.tracker.simulator.JobSpec;

/**
 * One job of a workload: when it is submitted (from the start of the run) and everything about it, fixed up front so
 * every strategy sees the same job stream.
 *
 * @param at submission time, from the start of the run
 * @param spec the job, with its id, type, duration and outcome all fixed
 * @param measured whether its detection lag counts (false during the warm-up)
 */
record JobArrival(Duration at, JobSpec spec, boolean measured) {

    /** The same job with every time divided by {@code factor} (time compression). */
    JobArrival compressed(double factor) {
        return new JobArrival(Workload.divide(at, factor),
                spec.withTimes(Workload.divide(spec.queueTime(), factor),
                        Workload.divide(spec.processingDuration(), factor)),
                measured);
    }
}
