package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;

import ai.spideriq.tracker.simulator.EventStreamTiming;
import ai.spideriq.tracker.simulator.SimulatorRoutes;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The simulator served over HTTP on real time, on a free port, as the packaged service's SpiderIQ. */
final class HttpSimulator implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final SpiderIqSimulator simulator;
    private final int port;

    HttpSimulator(SimulatorSettings settings, long seed) {
        simulator = new SpiderIqSimulator(settings, InstantSource.system(), new SplittableRandom(seed));
        Router router = Router.router(vertx);
        // Events are handed out every 10 ms: at ten-fold compressed time that is the virtual layer's 100 ms.
        SimulatorRoutes.mount(router, simulator, new EventStreamTiming(Duration.ofMillis(10)));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().join();
        port = server.actualPort();
    }

    SpiderIqSimulator simulator() {
        return simulator;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
