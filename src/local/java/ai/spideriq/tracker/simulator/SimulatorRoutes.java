package ai.spideriq.tracker.simulator;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The simulator's HTTP routes on any Vert.x Web router: the SpiderIQ job API (with {@code /jobs/list}), its event stream and
 * the
 * {@code /simulator} control plane. Handlers only touch in-memory state, so they run on the event loop.
 */
public final class SimulatorRoutes {

    private static final long MAX_CONTROL_BODY_BYTES = 1024 * 1024;

    private SimulatorRoutes() {
    }

    /** Adds the API and control-plane routes for {@code simulator} to {@code router}, the stream at default pace. */
    public static void mount(Router router, SpiderIqSimulator simulator) {
        mount(router, simulator, EventStreamTiming.DEFAULTS);
    }

    /** Adds the API and control-plane routes for {@code simulator} to {@code router}, the stream paced by {@code timing}. */
    public static void mount(Router router, SpiderIqSimulator simulator, EventStreamTiming timing) {
        ApiRouteHandlers api = new ApiRouteHandlers(simulator);
        router.get("/api/v1/jobs/list").handler(api::listJobs);
        router.get("/api/v1/jobs/:id/status").handler(api::status);
        router.get("/api/v1/jobs/:id/results").handler(api::results);
        router.delete("/api/v1/jobs/:id").handler(api::cancel);
        router.get("/api/v1/events/stream").handler(new EventStreamHandler(simulator, timing)::stream);

        ControlPlaneHandlers control = new ControlPlaneHandlers(simulator);
        router.post("/simulator/*").handler(BodyHandler.create().setBodyLimit(MAX_CONTROL_BODY_BYTES));
        router.post("/simulator/jobs").handler(control::createJobs);
        router.get("/simulator/jobs/:id").handler(control::job);
        router.get("/simulator/requests").handler(control::requests);
        router.get("/simulator/stats").handler(control::stats);
        router.post("/simulator/faults").handler(control::injectFaults);
        router.post("/simulator/events/disconnect").handler(control::disconnectEventStreams);
        router.post("/simulator/events/mode").handler(control::eventStreamMode);
        router.post("/simulator/list/mode").handler(control::listMode);
        router.post("/simulator/reset").handler(control::reset);
    }
}
