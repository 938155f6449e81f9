package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when told to: for tests and the benchmark's simulated time. Thread-safe. */
public final class VirtualClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward by {@code step} and returns the new time. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("A clock does not go back");
        }
        return now.updateAndGet(current -> current.plus(step));
    }

    /** Moves the clock to {@code target} (not before the current time). */
    public void advanceTo(Instant target) {
        now.updateAndGet(current -> target.isAfter(current) ? target : current);
    }
}
