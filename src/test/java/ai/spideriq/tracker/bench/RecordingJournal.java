package ai.spideriq.tracker.bench;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

import ai.spideriq.tracker.tracking.Ending;
import ai.spideriq.tracker.tracking.JobJournal;
import ai.spideriq.tracker.tracking.TrackedJob;
import io.smallrye.mutiny.Uni;

/** A journal in memory that is durable at once and tells the benchmark when each outcome is published. */
final class RecordingJournal implements JobJournal {

    private final BiConsumer<String, Instant> outcomes;

    RecordingJournal(BiConsumer<String, Instant> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Uni<Void> started(TrackedJob job) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> ended(TrackedJob job, Ending ending, Instant endedAt) {
        outcomes.accept(job.jobId().toString(), endedAt);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> forget(UUID jobId, int partition) {
        return Uni.createFrom().voidItem();
    }
}
