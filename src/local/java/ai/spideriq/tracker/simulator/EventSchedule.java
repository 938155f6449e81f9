package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Job events not yet delivered, by delivery time (the state change plus the stream's delay), ties in scheduling
 * order so a job's queueing comes before its start and its start before its end. Not thread-safe: the simulator
 * calls it under its lock.
 */
final class EventSchedule {

    private final Duration delay;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::deliverAt).thenComparingLong(Pending::sequence));
    private long sequence;

    EventSchedule(Duration delay) {
        this.delay = delay;
    }

    /** Schedules the events {@code job}'s timeline will announce: queued, started, and its end unless cancelled. */
    void schedule(SimulatedJob job) {
        JobEvent.timelineOf(job).forEach(this::add);
    }

    /** Removes and returns every event due at {@code now}, in delivery order. */
    List<JobEvent> pollDue(Instant now) {
        List<JobEvent> due = new ArrayList<>();
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

    private void add(JobEvent event) {
        pending.add(new Pending(event.at().plus(delay), sequence++, event));
    }

    private record Pending(Instant deliverAt, long sequence, JobEvent event) {
    }
}
