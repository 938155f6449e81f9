package ai.spideriq.tracker.simulator;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/events/stream?token=...}: the simulator's gateway decides (401, 403, 429, faults answer like
 * the other endpoints); an admitted request becomes a Server-Sent Events stream. Never blocks the event loop.
 */
final class EventStreamHandler {

    private final SpiderIqSimulator simulator;
    private final EventTicker ticker;

    EventStreamHandler(SpiderIqSimulator simulator, EventStreamTiming timing) {
        this.simulator = simulator;
        this.ticker = new EventTicker(simulator, timing);
    }

    void stream(RoutingContext ctx) {
        EventStreamConnection connection = new EventStreamConnection(ctx.vertx(), ctx.vertx().getOrCreateContext(),
                ctx.response(), ticker);
        EventStreamOpening opening = simulator.openEventStream(ctx.request().getParam("token"), connection::event,
                connection::closedByServer);
        opening.subscription().ifPresentOrElse(
                subscription -> connection.start(subscription, opening.response().headers()),
                () -> ApiRouteHandlers.send(ctx, opening.response()));
    }
}
