package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.util.Optional;

/**
 * A decaying histogram of durations, from which quantiles are read. Buckets are spaced evenly on a log scale (each a
 * fourth of a doubling, 1 s to about 9 h), so a 20-second job and a 2-hour job are both resolved to within 19%.
 * Each new observation first fades every older one by {@code 2^(-1/halfLife)}: the histogram follows the API's current
 * speed and forgets yesterday's. No distribution is assumed: long tails and mixtures are read as they are.
 * <p>
 * Not thread-safe: the tracker's context owns it.
 */
final class DurationHistogram {

    private static final double SMALLEST_SECONDS = 1;
    private static final int BUCKETS_PER_DOUBLING = 4;
    private static final int BUCKETS = 15 * BUCKETS_PER_DOUBLING;

    private final double[] weights = new double[BUCKETS];
    private final double fade;
    private final int minSamples;
    private double total;
    private int seen;

    /**
     * @param halfLife observations after which an observation weighs half as much as a new one
     * @param minSamples how many observations it takes before quantiles are answered at all
     */
    DurationHistogram(int halfLife, int minSamples) {
        if (halfLife < 1 || minSamples < 1) {
            throw new IllegalArgumentException("half-life and minimum samples must be positive");
        }
        this.fade = Math.pow(2, -1.0 / halfLife);
        this.minSamples = minSamples;
    }

    void observe(Duration duration) {
        for (int i = 0; i < BUCKETS; i++) {
            weights[i] *= fade;
        }
        weights[bucketOf(duration)] += 1;
        total = total * fade + 1;
        seen = Math.min(seen + 1, minSamples);
    }

    /** The duration that a share {@code p} of observations did not exceed; empty until there are enough of them. */
    Optional<Duration> quantile(double p) {
        if (seen < minSamples) {
            return Optional.empty();
        }
        double target = Math.min(1, Math.max(0, p)) * total;
        double below = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (below + weights[i] >= target && weights[i] > 0) {
                double within = (target - below) / weights[i];
                return Optional.of(seconds(lowerEdge(i) * Math.pow(2, within / BUCKETS_PER_DOUBLING)));
            }
            below += weights[i];
        }
        return Optional.of(seconds(lowerEdge(BUCKETS)));
    }

    /** The share of observations no longer than {@code duration} (0 to 1); empty until there are enough of them. */
    Optional<Double> shareWithin(Duration duration) {
        if (seen < minSamples) {
            return Optional.empty();
        }
        double seconds = duration.toNanos() / 1e9;
        int bucket = bucketOf(duration);
        double below = 0;
        for (int i = 0; i < bucket; i++) {
            below += weights[i];
        }
        double within = seconds <= SMALLEST_SECONDS ? 0
                : Math.min(1, Math.log(seconds / lowerEdge(bucket)) / Math.log(2) * BUCKETS_PER_DOUBLING);
        return Optional.of(Math.min(1, (below + weights[bucket] * within) / total));
    }

    private static int bucketOf(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        if (seconds <= SMALLEST_SECONDS) {
            return 0;
        }
        int bucket = (int) Math.floor(Math.log(seconds / SMALLEST_SECONDS) / Math.log(2) * BUCKETS_PER_DOUBLING);
        return Math.min(BUCKETS - 1, bucket);
    }

    private static double lowerEdge(int bucket) {
        return SMALLEST_SECONDS * Math.pow(2, (double) bucket / BUCKETS_PER_DOUBLING);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
