package ai.spideriq.tracker.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last N answered API requests (oldest dropped) plus totals per status since the last reset. Not thread-safe. */
final class RequestLog {

    private final int maxEntries;
    private final Deque<RequestRecord> entries = new ArrayDeque<>();
    private final Map<Integer, Long> totalsByStatus = new HashMap<>();
    private long total;

    RequestLog(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    void append(RequestRecord record) {
        if (entries.size() == maxEntries) {
            entries.removeFirst();
        }
        entries.addLast(record);
        totalsByStatus.merge(record.status(), 1L, Long::sum);
        total++;
    }

    List<RequestRecord> all() {
        return List.copyOf(entries);
    }

    /** Kept requests about {@code jobId} (compared case-insensitively). */
    List<RequestRecord> forJob(String jobId) {
        return entries.stream().filter(record -> jobId.equalsIgnoreCase(record.jobId())).toList();
    }

    RequestStats stats() {
        return new RequestStats(total, totalsByStatus);
    }

    void clear() {
        entries.clear();
        totalsByStatus.clear();
        total = 0;
    }
}
