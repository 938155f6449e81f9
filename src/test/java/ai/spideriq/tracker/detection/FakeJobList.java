package ai.spideriq.tracker.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.spideriq.tracker.client.JobListAnswer;
import ai.spideriq.tracker.client.JobListAnswer.ListedJob;
import io.smallrye.mutiny.Uni;

/** An account's job list in memory, answered at once, most recently updated first; or a fixed answer. */
final class FakeJobList implements JobLister {

    private final Map<UUID, ListedJob> jobs = new LinkedHashMap<>();
    final List<Integer> pagesRead = new ArrayList<>();
    JobListAnswer answerInstead;

    /** Sets a job's status, changed at {@code at}. */
    UUID change(UUID jobId, String status, Instant at) {
        jobs.put(jobId, new ListedJob(jobId, status, at));
        return jobId;
    }

    @Override
    public Uni<JobListAnswer> list(int page, int pageSize) {
        pagesRead.add(page);
        if (answerInstead != null) {
            return Uni.createFrom().item(answerInstead);
        }
        List<ListedJob> sorted = jobs.values().stream()
                .sorted(Comparator.comparing(ListedJob::updatedAt).reversed().thenComparing(ListedJob::jobId))
                .toList();
        int from = Math.min(sorted.size(), (page - 1) * pageSize);
        int totalPages = (sorted.size() + pageSize - 1) / pageSize;
        return Uni.createFrom().item(new JobListAnswer.Page(page, totalPages,
                sorted.subList(from, Math.min(sorted.size(), from + pageSize))));
    }
}
