package ai.spideriq.tracker.detection;

import java.time.Duration;

/**
 * How often the job list is swept. Its cost is per sweep, not per job: frequent while the budget is idle, sparse as it
 * gets scarce, and while the event stream is up only as the safety net for lost events and cancellations. Blended by
 * the square of the limiter's unused share (0 = empty bucket, 1 = full), so the few tokens a sweep itself takes do
 * not stretch the next one: sweeps thin out only once the bucket is really drawn down.
 *
 * @param idleInterval      between sweeps when the budget is idle and the stream is down
 * @param streamingInterval between sweeps when the budget is idle and the stream is up
 * @param tightInterval     between sweeps when the budget is spent, stream or not
 */
record SweepPacing(Duration idleInterval, Duration streamingInterval, Duration tightInterval) {

    SweepPacing {
        if (idleInterval.isNegative() || idleInterval.isZero() || streamingInterval.compareTo(idleInterval) < 0
                || tightInterval.compareTo(streamingInterval) < 0) {
            throw new IllegalArgumentException(
                    "sweep intervals must satisfy 0 < interval <= streaming-interval <= tight-interval");
        }
    }

    Duration interval(double slack, boolean streaming) {
        double used = 1 - Math.min(1, Math.max(0, slack));
        long idle = (streaming ? streamingInterval : idleInterval).toNanos();
        long tight = tightInterval.toNanos();
        return Duration.ofNanos((long) (idle + (tight - idle) * used * used));
    }
}
