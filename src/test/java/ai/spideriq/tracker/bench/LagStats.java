package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of detection lag (nearest rank), in seconds. All {@code NaN} when nothing was measured.
 *
 * @param count lags measured
 */
record LagStats(int count, double p50, double p95, double p99, double max) {

    static LagStats of(List<Duration> lags, double timeScale) {
        if (lags.isEmpty()) {
            return new LagStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] seconds = lags.stream().mapToDouble(d -> d.toNanos() / 1e9 * timeScale).sorted().toArray();
        return new LagStats(seconds.length, rank(seconds, 0.50), rank(seconds, 0.95), rank(seconds, 0.99),
                seconds[seconds.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
