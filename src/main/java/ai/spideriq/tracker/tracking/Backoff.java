package ai.spideriq.tracker.tracking;

import java.time.Duration;
import java.util.random.RandomGenerator;

import ai.spideriq.tracker.TrackerConfig;

/**
 * Exponential backoff with jitter: attempt {@code n} (from 0) waits
 * {@code min(maxDelay, initialDelay * multiplier^n)}, spread by {@code ±jitter} and never above {@code maxDelay}.
 */
public record Backoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

    public Backoff {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || multiplier < 1 || jitter < 0
                || jitter >= 1) {
            throw new IllegalArgumentException("invalid backoff: initial " + initialDelay + ", multiplier "
                    + multiplier + ", max " + maxDelay + ", jitter " + jitter);
        }
    }

    public static Backoff of(TrackerConfig.Backoff c) {
        return new Backoff(c.initialDelay(), c.multiplier(), c.maxDelay(), c.jitter());
    }

    public static Backoff of(TrackerConfig.ErrorBackoff c) {
        return new Backoff(c.initialDelay(), c.multiplier(), c.maxDelay(), c.jitter());
    }

    /** The delay before attempt {@code attempt} (0 for the first). */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = Math.min(maxDelay.toNanos(), initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt)));
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos((long) Math.min(maxDelay.toNanos(), base * spread));
    }
}
