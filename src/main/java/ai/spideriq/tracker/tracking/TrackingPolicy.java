package ai.spideriq.tracker.tracking;

import java.time.Duration;

import ai.spideriq.tracker.TrackerConfig;

/**
 * How the tracker paces and ends a job.
 *
 * @param poll delays between polls of a job still queued or processing
 * @param errors delays after failed requests and early 404s
 * @param deadline how long after first sight a job may run before it is given up
 * @param notFoundGrace how long a 404 is not believed after first sight
 * @param schedule where polls go once durations are learned, and while the event stream is up
 * @param writeRetryFor how long an ended job's writes (outcome, ended record) are retried before it is given up
 */
public record TrackingPolicy(Backoff poll, Backoff errors, Duration deadline, Duration notFoundGrace,
        PollPlanner.Settings schedule, Duration writeRetryFor) {

    public static TrackingPolicy of(TrackerConfig config) {
        return new TrackingPolicy(Backoff.of(config.poll()), Backoff.of(config.errorBackoff()),
                config.tracking().deadline(), config.tracking().notFoundGrace(), PollPlanner.Settings.of(config),
                config.outcomes().publishRetryFor());
    }
}
