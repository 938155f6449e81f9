package ai.spideriq.tracker.simulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of API requests answered since the last reset (including ones the bounded log has dropped).
 *
 * @param total all requests
 * @param byStatus requests per HTTP status
 */
public record RequestStats(long total, Map<Integer, Long> byStatus) {

    public RequestStats {
        byStatus = Map.copyOf(byStatus);
    }

    /** Requests answered with {@code status}. */
    public long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Requests answered 429. */
    public long rateLimited() {
        return count(429);
    }

    /** {@link #byStatus} sorted by status. */
    public Map<Integer, Long> sortedByStatus() {
        return new TreeMap<>(byStatus);
    }
}
