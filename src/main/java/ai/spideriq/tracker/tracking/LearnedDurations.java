package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long jobs have been taking lately, learned online per job type and per span: from first sight to the end
 * (queue wait and processing together), and from {@code job.started} to the end (processing alone). Each span has
 * its own decaying {@link DurationHistogram}. Not thread-safe: the tracker's context owns it.
 */
final class LearnedDurations {

    /** Which stretch of a job's life a duration measures. */
    enum Span {
        /** From the tracker's first sight of the job to its end. */
        TOTAL,
        /** From the job's {@code job.started} event to its end. */
        PROCESSING
    }

    private record Key(String type, Span span) {
    }

    private final Map<Key, DurationHistogram> histograms = new HashMap<>();
    private final int halfLife;
    private final int minSamples;

    LearnedDurations(int halfLife, int minSamples) {
        this.halfLife = halfLife;
        this.minSamples = minSamples;
        new DurationHistogram(halfLife, minSamples); // validates the parameters up front
    }

    void observe(String type, Span span, Duration duration) {
        if (!duration.isNegative()) {
            histograms.computeIfAbsent(new Key(typeKey(type), span), k -> new DurationHistogram(halfLife, minSamples))
                    .observe(duration);
        }
    }

    /** The learned {@code p}-quantile of {@code span} for jobs of {@code type}; empty until enough jobs ended. */
    Optional<Duration> quantile(String type, Span span, double p) {
        DurationHistogram histogram = histograms.get(new Key(typeKey(type), span));
        return histogram == null ? Optional.empty() : histogram.quantile(p);
    }

    /** The learned share of {@code span}s of {@code type} that ended within {@code duration}; empty until known. */
    Optional<Double> shareWithin(String type, Span span, Duration duration) {
        DurationHistogram histogram = histograms.get(new Key(typeKey(type), span));
        return histogram == null ? Optional.empty() : histogram.shareWithin(duration);
    }

    private static String typeKey(String type) {
        return type == null ? "" : type;
    }
}
