package ai.spideriq.tracker.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Requests the client sent per endpoint, and how many of them the API answered 429, as the client saw the answers.
 * The simulator's own stats count the same requests but not by endpoint; this says which requests dominate a budget,
 * and a 429 to a stream opening is a pause of all polling the stream caused.
 */
final class EndpointCounts {

    static final String RESULTS = "results";
    static final String STATUS = "status";
    static final String LIST = "list";
    static final String EVENTS = "events";

    private final Map<String, long[]> counts = new TreeMap<>();

    void answered(String endpoint, int status) {
        long[] c = counts.computeIfAbsent(endpoint, e -> new long[2]);
        c[0]++;
        if (status == 429) {
            c[1]++;
        }
    }

    long requests(String endpoint) {
        long[] c = counts.get(endpoint);
        return c == null ? 0 : c[0];
    }

    long rateLimited(String endpoint) {
        long[] c = counts.get(endpoint);
        return c == null ? 0 : c[1];
    }
}
