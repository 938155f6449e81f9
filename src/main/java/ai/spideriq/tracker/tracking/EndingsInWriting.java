package ai.spideriq.tracker.tracking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The jobs whose outcome and ended record are being written. Until they are, the in-flight log shows those jobs in
 * flight, so their partition is handed over only once they are written (or given up). Confined to the tracker's
 * context.
 */
final class EndingsInWriting {

    private record Writing(int partition, CompletableFuture<Void> done) {
    }

    private final Map<UUID, Writing> byJob = new HashMap<>();

    void started(TrackedJob job) {
        byJob.put(job.jobId(), new Writing(job.partition(), new CompletableFuture<>()));
    }

    void finished(UUID jobId) {
        Writing writing = byJob.remove(jobId);
        if (writing != null) {
            writing.done().complete(null);
        }
    }

    /** Completes once every ending of these partitions being written now is finished. */
    CompletableFuture<Void> of(Collection<Integer> partitions) {
        return CompletableFuture.allOf(byJob.values().stream().filter(w -> partitions.contains(w.partition()))
                .map(Writing::done).toArray(CompletableFuture[]::new));
    }
}
