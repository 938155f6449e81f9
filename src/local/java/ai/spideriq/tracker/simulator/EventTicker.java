package ai.spideriq.tracker.simulator;

import io.vertx.core.Vertx;

/**
 * One periodic timer per simulator that hands due events to the streams, running only while at least one stream
 * is open: an idle simulator costs nothing. Thread-safe (streams open and close on any event loop).
 */
final class EventTicker {

    private final SpiderIqSimulator simulator;
    private final long periodMillis;
    private int openStreams;
    private Vertx vertx;
    private long timerId;

    EventTicker(SpiderIqSimulator simulator, EventStreamTiming timing) {
        this.simulator = simulator;
        this.periodMillis = timing.tick().toMillis();
    }

    /** A stream opened: starts the timer if it is the first. */
    synchronized void streamOpened(Vertx owner) {
        if (openStreams++ == 0) {
            vertx = owner;
            timerId = owner.setPeriodic(periodMillis, id -> simulator.deliverDueEvents());
        }
    }

    /** A stream closed: stops the timer if it was the last. */
    synchronized void streamClosed() {
        if (openStreams > 0 && --openStreams == 0) {
            vertx.cancelTimer(timerId);
            vertx = null;
        }
    }
}
