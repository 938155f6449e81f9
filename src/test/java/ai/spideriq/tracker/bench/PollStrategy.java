package ai.spideriq.tracker.bench;

import java.time.Instant;
import java.util.function.BiConsumer;

import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.VirtualClock;

/** One way of finding out when jobs end, driven on virtual time against the simulated API. */
interface PollStrategy {

    /**
     * What every strategy runs on.
     *
     * @param outcomes told of each outcome: the job id and when it was published
     * @param seed for any randomness of the strategy's own (jitter)
     */
    record Context(VirtualClock clock, VirtualTimers timers, SimulatedApi api, BiConsumer<String, Instant> outcomes,
            long seed) {
    }

    /** A job was submitted now; {@code sequence} numbers submissions from 0. */
    void submit(SimulatedJob job, long sequence);

    /** Whether the strategy still holds {@code jobId} without having reported its outcome. */
    boolean isTracking(String jobId);
}
