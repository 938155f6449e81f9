package ai.spideriq.tracker.simulator;

import java.util.function.Consumer;

/**
 * A handle on one open event stream. {@link #close()} is the client hanging up; the simulator closing the stream
 * ({@link SpiderIqSimulator#closeEventStreams()}, {@link SpiderIqSimulator#reset()}) is told to the subscriber's
 * {@code onClose} instead. Holds no credentials.
 */
public final class EventSubscription implements AutoCloseable {

    private final long id;
    private final Consumer<SimulatedEvent> listener;
    private final Runnable onClose;
    private final Consumer<EventSubscription> unsubscribe;
    private volatile boolean open = true;

    EventSubscription(long id, Consumer<SimulatedEvent> listener, Runnable onClose,
                      Consumer<EventSubscription> unsubscribe) {
        this.id = id;
        this.listener = listener;
        this.onClose = onClose;
        this.unsubscribe = unsubscribe;
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
        return "EventSubscription[id=" + id + ", open=" + open + "]";
    }

    /** Hands {@code event} to the subscriber; the caller holds the simulator's lock. */
    void deliver(SimulatedEvent event) {
        if (open) {
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
