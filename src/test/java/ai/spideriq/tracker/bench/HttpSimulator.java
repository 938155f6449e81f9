package ai.spideriq.tracker.bench;

import java.time.InstantSource;
import java.util.SplittableRandom;

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
        SimulatorRoutes.mount(router, simulator);
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
