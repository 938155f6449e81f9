package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event stream's state: pending job events and open subscriptions. Delivery is best effort like the real
 * stream's (a share of job events is lost, none is replayed) and checks each event against the job as it is at
 * delivery, so a cancellation silences what the job no longer reaches. Connection events (connected, heartbeat,
 * error) are never lost. Not thread-safe: the simulator calls it under its lock.
 */
final class EventHub {

    private final EventSchedule schedule;
    private final double dropRate;
    private final Duration heartbeat;
    private final RandomGenerator dropRandom;
    private final EventPayloads payloads = new EventPayloads(new ObjectMapper());
    private final Map<Long, EventSubscription> subscriptions = new LinkedHashMap<>();
    private long nextSubscriptionId;

    EventHub(SimulatorSettings settings, RandomGenerator dropRandom) {
        this.schedule = new EventSchedule(settings.eventDelay());
        this.dropRate = settings.eventDropRate();
        this.heartbeat = settings.eventHeartbeat();
        this.dropRandom = dropRandom;
    }

    void schedule(SimulatedJob job) {
        schedule.schedule(job);
    }

    /**
     * Registers a subscriber in {@code mode} and greets it as the mode says ({@code connected}; then the garbage
     * cycle when malformed, or an {@code error} and the close); {@code unsubscribe} must remove it under the
     * simulator's lock.
     */
    EventSubscription subscribe(Consumer<SimulatedEvent> listener, Runnable onClose,
            Consumer<EventSubscription> unsubscribe, String clientId, Instant now,
            EventStreamMode mode) {
        long id = nextSubscriptionId++;
        EventSubscription subscription = new EventSubscription(id, listener, onClose, unsubscribe, mode, now,
                heartbeat);
        subscriptions.put(id, subscription);
        subscription.send(payloads.connected(clientId), now);
        switch (mode.kind()) {
            case MALFORMED -> MalformedFrames.CYCLE.forEach(frame -> subscription.send(frame, now));
            case ERROR -> {
                subscription.send(payloads.error("Event stream unavailable, please reconnect later"), now);
                subscriptions.remove(id);
                subscription.markClosed(true);
            }
            default -> {
            }
        }
        return subscription;
    }

    /** Removes a subscription the client closed. */
    void unsubscribe(EventSubscription subscription) {
        subscriptions.values().remove(subscription);
        subscription.markClosed(false);
    }

    /**
     * Delivers every job event due at {@code now} that is still true of its job ({@code jobs} finds the job as it
     * is now) and not lost, to every open subscriber, then the heartbeats due; returns how many job events were
     * delivered.
     */
    int deliverDue(Instant now, Function<String, Optional<SimulatedJob>> jobs) {
        int delivered = 0;
        for (JobEvent event : schedule.pollDue(now)) {
            Optional<SimulatedJob> job = jobs.apply(event.jobId()).filter(event::stillTrueOf);
            if (job.isEmpty() || lost()) {
                continue;
            }
            delivered++;
            SimulatedEvent frame = payloads.job(event, job.get());
            for (EventSubscription subscription : List.copyOf(subscriptions.values())) {
                subscription.deliverJobEvent(frame, now);
            }
        }
        for (EventSubscription subscription : List.copyOf(subscriptions.values())) {
            subscription.heartbeatIfDue(now, payloads);
        }
        return delivered;
    }

    Optional<Instant> nextDue() {
        return schedule.nextDue();
    }

    int openSubscriptions() {
        return subscriptions.size();
    }

    /** Closes every subscription, telling each subscriber; returns how many were open. */
    int closeAll() {
        List<EventSubscription> closing = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        closing.forEach(subscription -> subscription.markClosed(true));
        return closing.size();
    }

    /** Forgets pending events and closes every subscription. */
    void reset() {
        schedule.clear();
        closeAll();
    }

    /** Whether this event is lost; draws only when the drop rate is positive, so a rate of 0 draws nothing. */
    private boolean lost() {
        return dropRate > 0 && dropRandom.nextDouble() < dropRate;
    }
}
