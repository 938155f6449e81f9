package ai.spideriq.tracker.simulator;

import java.time.Duration;

/**
 * How long jobs of one type sit queued and then processing: both lognormal around a median with the same sigma.
 *
 * @param queueMedian median time queued
 * @param processingMedian median time processing
 * @param sigma standard deviation of the underlying normal (0 gives exactly the medians)
 */
public record JobTiming(Duration queueMedian, Duration processingMedian, double sigma) {

    /** Defaults for spiderSite: queued ~2 s, processing ~20 s, sigma 0.6. */
    public static final JobTiming SITE_DEFAULTS = new JobTiming(Duration.ofSeconds(2), Duration.ofSeconds(20), 0.6);
    /** Defaults for spiderMaps: queued ~2 s, processing ~45 s, sigma 0.6. */
    public static final JobTiming MAPS_DEFAULTS = new JobTiming(Duration.ofSeconds(2), Duration.ofSeconds(45), 0.6);

    public JobTiming {
        if (queueMedian.isNegative() || processingMedian.isNegative() || sigma < 0) {
            throw new IllegalArgumentException("Medians and sigma must not be negative");
        }
    }
}
