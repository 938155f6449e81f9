package ai.spideriq.tracker.detection;

import java.time.Duration;

/**
 * How often the job list is swept. A sweep costs a request whatever it finds, so sweeps take what the rest of the
 * tracker leaves of the budget: the spare rate, {@code requests-per-minute} less a {@code reserve}, minus what
 * everything else (each job's {@code /results} reads, guard polls, the stream's connections, the account's other
 * services as the server counts them) spent lately. One page per spare request (a sweep of several pages waits as
 * many before the next), but never more often than the floor
 * (every {@code idle-interval}; while the event stream is up, when sweeps are only the net for lost events and
 * cancellations, every {@code streaming-interval}) and never rarer than {@code tight-interval}.
 * <p>
 * Paced by a rate, not by the token bucket's fill: the reads a sweep's own finds set off empty a small bucket for a
 * moment at any load, and a pace that reads that as a spent budget sweeps less, finds more per sweep, drains the
 * bucket deeper and ends at the tight interval with a third of the budget unused.
 * <p>
 * Why a reserve: once requests queue for tokens, the others spend only what the sweeps leave them, so their spent
 * rate says as little about their demand as the fill did; without a reserve, any share the sweeps hold then is a
 * balance (others = budget - sweeps, spare = sweeps). With one, each sweep sees less spare than it takes, and they
 * back off to the tight interval. Reads of announced ends never wait behind a sweep: sweeps yield to them (see
 * {@code JobListSweeper}).
 *
 * @param idleInterval between sweeps at most this often while the stream is down
 * @param streamingInterval at most this often while the stream is up
 * @param tightInterval at least this often, even when nothing is spare
 * @param reserve the share of the budget sweeps leave to others, 0 &lt;= x &lt; 1
 */
record SweepPacing(Duration idleInterval, Duration streamingInterval, Duration tightInterval, double reserve) {

    private static final double NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    SweepPacing {
        if (idleInterval.isNegative() || idleInterval.isZero() || streamingInterval.compareTo(idleInterval) < 0
                || tightInterval.compareTo(streamingInterval) < 0) {
            throw new IllegalArgumentException(
                    "sweep intervals must satisfy 0 < interval <= streaming-interval <= tight-interval");
        }
        if (!(reserve >= 0 && reserve < 1)) {
            throw new IllegalArgumentException("sweep reserve must be at least 0 and less than 1");
        }
    }

    /**
     * @param budgetPerMinute the tracker's requests per minute
     * @param othersPerMinute what everything but the sweeps spent lately, per minute
     * @param streaming whether the event stream is up
     * @param pages the pages the last sweep read: each was a spare request
     */
    Duration interval(double budgetPerMinute, double othersPerMinute, boolean streaming, int pages) {
        double sparePerMinute = (1 - reserve) * budgetPerMinute - othersPerMinute;
        if (sparePerMinute * tightInterval.toNanos() <= NANOS_PER_MINUTE) {
            return tightInterval; // less than one spare request per tight interval (or none at all)
        }
        long perPages = (long) (Math.max(1, pages) * NANOS_PER_MINUTE / sparePerMinute);
        return Duration.ofNanos(Math.max(floor(streaming).toNanos(), Math.min(tightInterval.toNanos(), perPages)));
    }

    /** The shortest gap between sweeps. */
    Duration floor(boolean streaming) {
        return streaming ? streamingInterval : idleInterval;
    }
}
