package ai.spideriq.tracker.tracking;

import java.util.UUID;

import ai.spideriq.tracker.client.PollResult;
import io.smallrye.mutiny.Uni;

/** Asks SpiderIQ about one job. The seam that lets the benchmark put a simulated API behind the real tracker. */
@FunctionalInterface
public interface JobPoller {

    /** One request; never fails: every failure is a {@link PollResult.Failed}. */
    Uni<PollResult> poll(UUID jobId);
}
