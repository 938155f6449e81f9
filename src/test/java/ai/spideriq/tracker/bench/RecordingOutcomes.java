package ai.spideriq.tracker.bench;

import java.time.Instant;
import java.util.function.BiConsumer;

import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.Outcomes;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;

/** Outcomes acknowledged at once, each told to the benchmark with when it was published. */
final class RecordingOutcomes implements Outcomes {

    private final BiConsumer<String, Instant> published;

    RecordingOutcomes(BiConsumer<String, Instant> published) {
        this.published = published;
    }

    @Override
    public Uni<Void> publish(TrackedJob job, Ending ending, Instant endedAt) {
        published.accept(job.jobId().toString(), endedAt);
        return Uni.createFrom().voidItem();
    }
}
