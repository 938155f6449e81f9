package ai.spideriq.tracker.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests sent in the last minute, derived from successive readings of the cumulative request count: the meters
 * already count every request, so this keeps only the few readings of the past minute, not a second counter. Used
 * from one thread at a time.
 */
final class RequestsLastMinute {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final List<Reading> readings = new ArrayList<>();

    private record Reading(Instant at, double total) {
    }

    /** Starts the window with the count at start-up, so that the first minute shows the requests since then. */
    RequestsLastMinute(Instant start, double totalAtStart) {
        readings.add(new Reading(start, totalAtStart));
    }

    /**
     * Records the cumulative {@code total} at {@code now} and answers the requests of the minute before it. When
     * readings are further apart than a minute (a long summary interval), the count since the last reading is
     * scaled to a minute.
     */
    long observe(Instant now, double total) {
        Instant cutoff = now.minus(MINUTE);
        // The baseline is the newest reading at or before the cutoff; older ones are no longer needed.
        while (readings.size() > 1 && !readings.get(1).at().isAfter(cutoff)) {
            readings.remove(0);
        }
        Reading baseline = readings.get(0);
        readings.add(new Reading(now, total));
        double delta = Math.max(0, total - baseline.total());
        Duration elapsed = Duration.between(baseline.at(), now);
        if (elapsed.compareTo(MINUTE) > 0) {
            return Math.round(delta * MINUTE.toNanos() / elapsed.toNanos());
        }
        return Math.round(delta);
    }
}
