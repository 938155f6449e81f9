package ai.spideriq.tracker.time;

import java.time.Duration;

/**
 * Runs a task once after a delay. The seam between the scheduling logic and real time: production uses Vert.x
 * timers, tests and the virtual-clock benchmark step a fake clock instead of sleeping.
 */
public interface Timers {

    /** Schedules {@code task} to run after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
