package ai.spideriq.tracker.detection;

import ai.spideriq.tracker.client.JobListAnswer;
import io.smallrye.mutiny.Uni;

/** Reads one page of the account's jobs, most recently updated first. The seam for tests and the benchmark. */
@FunctionalInterface
public interface JobLister {

    /** One request; never fails: every failure is an answer ({@link JobListAnswer.Failed}, {@code Unavailable}). */
    Uni<JobListAnswer> list(int page, int pageSize);
}
