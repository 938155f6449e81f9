package ai.spideriq.tracker.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A rate of events that forgets the past exponentially: each event adds {@code 1/τ} and the sum decays by
 * {@code e^(-t/τ)}, so for events at a steady rate {@code r} it settles at {@code r}, and after a change of pace it
 * follows within a few {@code τ}. It answers "how fast is this being spent lately" in constant memory, without a
 * window of timestamps, which is what pacing by spent rate needs: a token bucket's fill only tells whether the last
 * few seconds were busy, and a burst of ten requests empties it as surely as a sustained overload does.
 * Thread-safe.
 */
public final class DecayingRate {

    private static final double NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final InstantSource clock;
    private final double timeConstantNanos;
    /** Events per nanosecond, as of {@link #at}. */
    private double rate;
    private Instant at;

    /** @param timeConstant how long the past takes to fade to {@code 1/e} of its weight */
    public DecayingRate(InstantSource clock, Duration timeConstant) {
        if (timeConstant.isNegative() || timeConstant.isZero()) {
            throw new IllegalArgumentException("time constant must be positive");
        }
        this.clock = clock;
        this.timeConstantNanos = timeConstant.toNanos();
        this.at = clock.instant();
    }

    /** Counts one event now. */
    public void record() {
        record(1);
    }

    /** Counts {@code events} events now. */
    public synchronized void record(long events) {
        decayToNow();
        rate += events / timeConstantNanos;
    }

    /** The recent rate, in events per minute. */
    public synchronized double perMinute() {
        decayToNow();
        return rate * NANOS_PER_MINUTE;
    }

    private void decayToNow() {
        Instant now = clock.instant();
        long elapsed = Duration.between(at, now).toNanos();
        if (elapsed > 0) {
            rate *= Math.exp(-elapsed / timeConstantNanos);
            at = now;
        }
    }
}
