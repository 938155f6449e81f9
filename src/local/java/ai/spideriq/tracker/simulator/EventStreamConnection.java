package ai.spideriq.tracker.simulator;

import java.util.Map;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * One client's open event stream: writes the core's frames on the connection's own event loop, and tears down
 * (subscription, shared ticker) once, whoever closes first: the client or the simulator. Writes nothing of its own,
 * so the headers go out with the first frame (the {@code connected} event) and a stalled stream sends no byte.
 */
final class EventStreamConnection {

    private final Vertx vertx;
    private final Context context;
    private final HttpServerResponse response;
    private final EventTicker ticker;
    private EventSubscription subscription;
    private boolean finished;

    EventStreamConnection(Vertx vertx, Context context, HttpServerResponse response, EventTicker ticker) {
        this.vertx = vertx;
        this.context = context;
        this.response = response;
        this.ticker = ticker;
    }

    /**
     * The simulator's listener. Runs under the simulator's lock on whatever thread delivers, so it only queues the
     * write on this connection's context; queued behind the opening handler, it never writes before the headers.
     */
    void event(SimulatedEvent event) {
        context.runOnContext(ignored -> writeRaw(event.frame()));
    }

    /** The simulator's {@code onClose}: ends the response on this connection's context. */
    void closedByServer() {
        context.runOnContext(ignored -> {
            if (finish() && !response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    /** Prepares the stream on the opening handler's context: status and headers (sent with the first frame), ticker. */
    void start(EventSubscription openSubscription, Map<String, String> apiHeaders) {
        this.subscription = openSubscription;
        response.setStatusCode(200).setChunked(true);
        apiHeaders.forEach(response::putHeader);
        response.putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .closeHandler(ignored -> closedByClient());
        ticker.streamOpened(vertx);
        if (response.closed()) {
            closedByClient();
        }
    }

    private void closedByClient() {
        subscription.close();
        finish();
    }

    private void writeRaw(String text) {
        if (!finished && !response.closed() && !response.ended()) {
            response.write(text);
        }
    }

    /** Releases the ticker; returns whether this call did it (the first one). */
    private boolean finish() {
        if (finished || subscription == null) {
            return false;
        }
        finished = true;
        ticker.streamClosed();
        return true;
    }
}
