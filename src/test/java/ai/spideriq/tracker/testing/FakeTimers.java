package ai.spideriq.tracker.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.spideriq.tracker.time.Timers;

/** Timers on a {@link FakeClock}: {@link #advance} moves the clock and runs what falls due, in order. */
public final class FakeTimers implements Timers {

    private record Task(Instant at, long seq, Runnable run) {
    }

    private final FakeClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    public FakeTimers(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable run) {
        Task task = new Task(clock.instant().plus(delay), seq++, run);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Moves time forward by {@code duration}, running each task at its own moment. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.at.isAfter(end))
                    .min(Comparator.comparing(Task::at).thenComparing(Task::seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            if (next.at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at));
            }
            next.run.run();
        }
        if (end.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), end));
        }
    }

    public int pending() {
        return tasks.size();
    }
}
