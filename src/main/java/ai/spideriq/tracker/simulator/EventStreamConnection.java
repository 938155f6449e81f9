package ai.spideriq.tracker.simulator;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * One client's open event stream: writes SSE frames and keep-alives on the connection's own event loop, and tears
 * down (subscription, heartbeat, shared ticker) once, whoever closes first: the client or the simulator.
 */
final class EventStreamConnection {

    private final Vertx vertx;
    private final Context context;
    private final HttpServerResponse response;
    private final EventTicker ticker;
    private final long heartbeatMillis;
    private EventSubscription subscription;
    private long heartbeatTimer;
    private long nextEventId = 1;
    private boolean finished;

    EventStreamConnection(Vertx vertx, Context context, HttpServerResponse response, EventTicker ticker,
                          EventStreamTiming timing) {
        this.vertx = vertx;
        this.context = context;
        this.response = response;
        this.ticker = ticker;
        this.heartbeatMillis = timing.heartbeat().toMillis();
    }

    /**
     * The simulator's listener. Runs under the simulator's lock on whatever thread delivers, so it only queues the
     * write on this connection's context; queued behind the opening handler, it never writes before the headers.
     */
    void event(SimulatedEvent event) {
        context.runOnContext(ignored -> writeFrame(event));
    }

    /** The simulator's {@code onClose}: ends the response on this connection's context. */
    void closedByServer() {
        context.runOnContext(ignored -> {
            if (finish() && !response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    /** Starts the stream on the opening handler's context: headers, a first comment, heartbeat, ticker. */
    void start(EventSubscription openSubscription, Map<String, String> apiHeaders) {
        this.subscription = openSubscription;
        response.setStatusCode(200).setChunked(true);
        apiHeaders.forEach(response::putHeader);
        response.putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .closeHandler(ignored -> closedByClient());
        ticker.streamOpened(vertx);
        heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> writeRaw(": keep-alive\n\n"));
        if (response.closed()) {
            closedByClient();
            return;
        }
        // A first comment sends the headers now, so clients see the stream open before any event.
        writeRaw(": connected\n\n");
    }

    private void closedByClient() {
        subscription.close();
        finish();
    }

    private void writeFrame(SimulatedEvent event) {
        writeRaw("event: " + event.name() + "\nid: " + nextEventId++ + "\ndata: " + event.dataJson() + "\n\n");
    }

    private void writeRaw(String text) {
        if (!finished && !response.closed() && !response.ended()) {
            response.write(text);
        }
    }

    /** Releases the heartbeat and the ticker; returns whether this call did it (the first one). */
    private boolean finish() {
        if (finished || subscription == null) {
            return false;
        }
        finished = true;
        vertx.cancelTimer(heartbeatTimer);
        ticker.streamClosed();
        return true;
    }
}
