package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

import ai.spideriq.tracker.simulator.VirtualClock;
import ai.spideriq.tracker.time.Timers;

/**
 * A discrete-event loop on a {@link VirtualClock}: {@link Timers} whose tasks run when the loop reaches their moment,
 * in time order (ties in scheduling order), moving the clock to each task's time. Nothing sleeps, so hours of
 * simulated polling take seconds and every run with the same inputs takes the same steps. Single-threaded.
 */
final class VirtualTimers implements Timers {

    private static final class Event implements Cancellable {
        final Instant at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Event(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final VirtualClock clock;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private long seq;

    VirtualTimers(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return at(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), task);
    }

    /** Runs {@code task} when the loop reaches {@code when} (now, if that has passed). */
    Cancellable at(Instant when, Runnable task) {
        Instant now = clock.instant();
        Event event = new Event(when.isBefore(now) ? now : when, seq++, task);
        queue.add(event);
        return event;
    }

    /** Runs everything due up to {@code end}, then leaves the clock at {@code end}. */
    void runUntil(Instant end) {
        runUntil(end, () -> false);
    }

    /**
     * Runs tasks in time order up to {@code end}, stopping early as soon as {@code done} answers true after a task;
     * the clock ends at {@code end} only when it was reached.
     *
     * @return whether {@code done} stopped the loop
     */
    boolean runUntil(Instant end, BooleanSupplier done) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(end)) {
            Event next = queue.poll();
            if (next.cancelled) {
                continue;
            }
            clock.advanceTo(next.at);
            next.task.run();
            if (done.getAsBoolean()) {
                return true;
            }
        }
        clock.advanceTo(end);
        return false;
    }

    Instant now() {
        return clock.instant();
    }
}
