package ai.spideriq.tracker.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What one {@code GET /api/v1/jobs/list} told, as far as finding ended jobs goes. */
public sealed interface JobListAnswer {

    /** One page of the account's jobs, most recently updated first. */
    record Page(int page, int totalPages, List<ListedJob> jobs) implements JobListAnswer {
        public Page {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * The endpoint cannot be used here (404, 400, 422, a rejected token, a body that is not the documented list):
     * trying again soon would only repeat the answer.
     */
    record Unavailable(String reason) implements JobListAnswer {
    }

    /** 5xx, a timeout, a connection error, a 429: worth the next sweep. */
    record Failed(String reason) implements JobListAnswer {

        /** A 429: the account's limit, which says nothing about the list. */
        public static final Failed RATE_LIMITED = new Failed("http 429");

        public boolean rateLimited() {
            return equals(RATE_LIMITED);
        }
    }

    /**
     * One job of the list: only what the sweep needs.
     *
     * @param status the API's state: queued, processing, completed, failed or cancelled
     * @param updatedAt the job's last status change
     */
    record ListedJob(UUID jobId, String status, Instant updatedAt) {

        /** Whether the list says the job has ended; {@code /results} is still what tells how. */
        public boolean ended() {
            return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
        }
    }
}
