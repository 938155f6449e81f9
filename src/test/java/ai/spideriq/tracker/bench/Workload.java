package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.List;

/**
 * A reproducible job stream and how long to watch it.
 *
 * @param kind {@code reference}, {@code long-tail} or {@code burst}
 * @param jobsPerMinute mean arrival rate (for a burst: the jobs submitted at once)
 * @param warmUp arrivals before this are not measured (the system starts empty)
 * @param window arrivals continue until {@code warmUp + window}
 * @param drainCap how long after the last arrival the run waits for the last outcome
 * @param arrivals the jobs, in submission order
 */
record Workload(String kind, double jobsPerMinute, Duration warmUp, Duration window, Duration drainCap,
        List<JobArrival> arrivals) {

    Workload {
        arrivals = List.copyOf(arrivals);
    }

    /** When submissions stop. */
    Duration arrivalsEnd() {
        return warmUp.plus(window);
    }

    /** The same workload with every time divided by {@code factor}; rates stay in jobs per uncompressed minute. */
    Workload compressed(double factor) {
        return new Workload(kind, jobsPerMinute, divide(warmUp, factor), divide(window, factor),
                divide(drainCap, factor), arrivals.stream().map(a -> a.compressed(factor)).toList());
    }

    /** A label for tables: {@code reference @ 10/min}. */
    String label() {
        return kind.equals("burst") ? "burst of " + arrivals.size() : kind + " @ " + rate(jobsPerMinute) + "/min";
    }

    static String rate(double perMinute) {
        return perMinute == Math.rint(perMinute) ? Long.toString((long) perMinute) : Double.toString(perMinute);
    }

    static Duration divide(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() / factor));
    }
}
