package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Events not yet delivered, by delivery time (the state change plus the stream's delay), ties in scheduling order so
 * a job's start always comes before its end. Not thread-safe: the simulator calls it under its lock.
 */
final class EventSchedule {

    private final Duration delay;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::deliverAt).thenComparingLong(Pending::sequence));
    private long sequence;

    EventSchedule(Duration delay) {
        this.delay = delay;
    }

    /** Schedules the events {@code job}'s timeline will announce: its start, and its end unless it ends cancelled. */
    void schedule(SimulatedJob job) {
        add(SimulatedEvent.started(job));
        SimulatedEvent ended = SimulatedEvent.ended(job);
        if (ended != null) {
            add(ended);
        }
    }

    /** Removes and returns every event due at {@code now}, in delivery order. */
    List<SimulatedEvent> pollDue(Instant now) {
        List<SimulatedEvent> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().deliverAt().isAfter(now)) {
            due.add(pending.poll().event());
        }
        return due;
    }

    /** When the next event is due, if any is pending. */
    Optional<Instant> nextDue() {
        return Optional.ofNullable(pending.peek()).map(Pending::deliverAt);
    }

    void clear() {
        pending.clear();
    }

    private void add(SimulatedEvent event) {
        pending.add(new Pending(event.at().plus(delay), sequence++, event));
    }

    private record Pending(Instant deliverAt, long sequence, SimulatedEvent event) {
    }
}
