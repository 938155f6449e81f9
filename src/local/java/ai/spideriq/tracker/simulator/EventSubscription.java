package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A handle on one open event stream. {@link #close()} is the client hanging up; the simulator closing the stream
 * ({@link SpiderIqSimulator#closeEventStreams()}, {@link SpiderIqSimulator#reset()}, the error mode) is told to the
 * subscriber's {@code onClose} instead. Keeps the stream mode it was opened in, so a mode switch only affects later
 * connections, and its own heartbeat schedule on the simulator's clock. Holds no credentials.
 */
public final class EventSubscription implements AutoCloseable {

    private final long id;
    private final Consumer<SimulatedEvent> listener;
    private final Runnable onClose;
    private final Consumer<EventSubscription> unsubscribe;
    private final EventStreamMode mode;
    private final Duration heartbeat;
    private final Instant silentFrom;
    private final MalformedFrames garbage = new MalformedFrames();
    private Instant nextHeartbeat;
    private volatile boolean open = true;

    EventSubscription(long id, Consumer<SimulatedEvent> listener, Runnable onClose,
            Consumer<EventSubscription> unsubscribe, EventStreamMode mode, Instant openedAt,
            Duration heartbeat) {
        this.id = id;
        this.listener = listener;
        this.onClose = onClose;
        this.unsubscribe = unsubscribe;
        this.mode = mode;
        this.heartbeat = heartbeat;
        this.silentFrom = mode.silentAfter() == null ? null : openedAt.plus(mode.silentAfter());
        this.nextHeartbeat = openedAt.plus(heartbeat);
    }

    /** Stops delivery to this subscriber (the client went away). Idempotent; does not call {@code onClose}. */
    @Override
    public void close() {
        if (open) {
            unsubscribe.accept(this);
        }
    }

    /** Whether events are still delivered to this subscriber. */
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "EventSubscription[id=" + id + ", open=" + open + ", mode=" + mode.kind().wireName() + "]";
    }

    EventStreamMode mode() {
        return mode;
    }

    /** Hands a job event to the subscriber, after a garbage frame in the malformed mode; under the simulator's lock. */
    void deliverJobEvent(SimulatedEvent event, Instant now) {
        if (mode.kind() == EventStreamMode.Kind.MALFORMED) {
            send(garbage.next(), now);
        }
        send(event, now);
    }

    /** Sends a heartbeat if one is due at {@code now} (one only, however many intervals the clock skipped). */
    void heartbeatIfDue(Instant now, EventPayloads payloads) {
        if (now.isBefore(nextHeartbeat)) {
            return;
        }
        long skipped = Duration.between(nextHeartbeat, now).toNanos() / heartbeat.toNanos();
        nextHeartbeat = nextHeartbeat.plus(heartbeat.multipliedBy(skipped + 1));
        if (mode.kind() != EventStreamMode.Kind.NO_HEARTBEATS) {
            send(payloads.heartbeat(now), now);
        }
    }

    /** Hands {@code event} to the subscriber unless the mode keeps it quiet; the caller holds the simulator's lock. */
    void send(SimulatedEvent event, Instant now) {
        boolean silenced = silentFrom != null && !now.isBefore(silentFrom);
        if (open && mode.sendsAnything() && !silenced) {
            listener.accept(event);
        }
    }

    /** Marks the subscription closed; with {@code tellSubscriber}, the subscriber's {@code onClose} runs. */
    void markClosed(boolean tellSubscriber) {
        if (open) {
            open = false;
            if (tellSubscriber) {
                onClose.run();
            }
        }
    }
}
