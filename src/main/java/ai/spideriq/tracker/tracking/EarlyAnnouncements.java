package ai.spideriq.tracker.tracking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Announcements for jobs this instance does not track yet. A submitter creates the job before it publishes the
 * submission, so a quick job can start, or even end, before its submission is consumed; its events would otherwise be
 * lost and the job left to the slow guard polls. The stream is account-wide, so most of these are for other
 * submitters' jobs: only the most recent are kept. Confined to the tracker's context.
 */
final class EarlyAnnouncements {

    /** What the stream said of a job before it was tracked. */
    record Early(Instant startedAt, boolean ended) {
    }

    private final Map<UUID, Early> byJob;

    /**
     * @param capacity how many jobs to remember; the account's budget admits at most 100 submissions a minute, so
     *        10,000 cover well over an hour of Kafka lag
     */
    EarlyAnnouncements(int capacity) {
        this.byJob = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Early> eldest) {
                return size() > capacity;
            }
        };
    }

    void started(UUID jobId, Instant at) {
        byJob.merge(jobId, new Early(at, false), (was, now) -> new Early(at, was.ended()));
    }

    void ended(UUID jobId) {
        byJob.merge(jobId, new Early(null, true), (was, now) -> new Early(was.startedAt(), true));
    }

    /** {@code job} with what was announced of it applied, if anything was; the announcement is then forgotten. */
    TrackedJob applyTo(TrackedJob job) {
        Early early = byJob.remove(job.jobId());
        if (early == null) {
            return job;
        }
        TrackedJob known = early.startedAt() != null && job.startedAt() == null ? job.started(early.startedAt()) : job;
        return early.ended() ? known.announcedEnded() : known;
    }
}
