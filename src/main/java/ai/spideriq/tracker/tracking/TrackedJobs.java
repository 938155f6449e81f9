package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every job this replica holds, by job ID: those being registered (their in-flight record is being written) and those
 * tracked. Changed only on the tracker's context; concurrent only so that operators and gauges read it from any thread.
 */
final class TrackedJobs {

    /** The phase gauges' name for jobs being registered, beside the lower-case {@link TrackedJob.Phase}s. */
    static final String REGISTERING = "registering";

    private final Map<UUID, TrackedJob> tracked = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> registering = new ConcurrentHashMap<>();
    private final InstantSource clock;

    TrackedJobs(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether the job is tracked or being registered. */
    boolean holds(UUID jobId) {
        return tracked.containsKey(jobId) || registering.containsKey(jobId);
    }

    void registering(UUID jobId) {
        registering.put(jobId, clock.instant());
    }

    void registered(UUID jobId) {
        registering.remove(jobId);
    }

    /** The job, or null when it is not tracked. */
    TrackedJob get(UUID jobId) {
        return tracked.get(jobId);
    }

    /** The job's new state, replacing what was held. */
    void update(TrackedJob job) {
        tracked.put(job.jobId(), job);
    }

    /** Drops the job, unless it changed since {@code expected}. */
    void remove(TrackedJob expected) {
        tracked.remove(expected.jobId(), expected);
    }

    /** Drops the jobs that match; returns them. */
    List<TrackedJob> removeIf(Predicate<TrackedJob> drop) {
        List<TrackedJob> dropped = tracked.values().stream().filter(drop).toList();
        dropped.forEach(this::remove);
        return dropped;
    }

    boolean anyMatch(Predicate<TrackedJob> test) {
        return tracked.values().stream().anyMatch(test);
    }

    /** A snapshot: safe to change the jobs while going through it. */
    Collection<TrackedJob> snapshot() {
        return List.copyOf(tracked.values());
    }

    int size() {
        return tracked.size();
    }

    /** Jobs in a phase ({@link #REGISTERING} or a {@link TrackedJob.Phase}, lower case). */
    double countIn(String phase) {
        return phase.equals(REGISTERING) ? registering.size() : inPhase(phase).count();
    }

    /** Seconds since the oldest job of a phase was first seen; 0 when there is none. */
    double oldestAgeSecondsIn(String phase) {
        Instant now = clock.instant();
        Stream<Instant> firstSeen = phase.equals(REGISTERING) ? registering.values().stream()
                : inPhase(phase).map(TrackedJob::firstSeenAt);
        Instant oldest = firstSeen.min(Instant::compareTo).orElse(now);
        return Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }

    private Stream<TrackedJob> inPhase(String phase) {
        return tracked.values().stream().filter(job -> job.phase().name().equalsIgnoreCase(phase));
    }
}
