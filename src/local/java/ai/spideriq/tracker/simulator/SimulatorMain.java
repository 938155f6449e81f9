package ai.spideriq.tracker.simulator;

import java.time.Clock;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The simulator as a process of its own, for docker compose and the Kubernetes dev overlay: the tracker's artifact
 * does not contain it. Configured like the in-Quarkus simulator ({@code simulator.*} keys as system properties or
 * {@code SIMULATOR_*} environment variables), on {@code simulator.http-port}; answers {@code /q/health/live} and
 * {@code /q/health/ready} so probes and health checks read it like a Quarkus service.
 */
public final class SimulatorMain {

    private static final Logger LOG = Logger.getLogger(SimulatorMain.class);
    private static final JsonObject UP = new JsonObject().put("status", "UP");

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                // Quarkus's duration syntax ("30s", "100ms"), as in the tracker's own configuration.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(SimulatorConfig.class)
                .build();
        SimulatorConfig settings = config.getConfigMapping(SimulatorConfig.class);
        Vertx vertx = Vertx.vertx();
        HttpServer server = serve(vertx, settings).toCompletionStage().toCompletableFuture().join();
        LOG.infof("SpiderIQ API simulator listening on port %d (/api/v1/jobs/*, /api/v1/events/stream, /simulator/*)",
                server.actualPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture()
                .join(), "simulator-shutdown"));
    }

    /** Serves a simulator configured by {@code settings} on its port; the future completes once it listens. */
    static Future<HttpServer> serve(Vertx vertx, SimulatorConfig settings) {
        SpiderIqSimulator simulator = new SpiderIqSimulator(SimulatorConfigSettings.from(settings), Clock.systemUTC(),
                SimulatorConfigSettings.random(settings));
        Router router = Router.router(vertx);
        router.get("/q/health/live").handler(context -> context.json(UP));
        router.get("/q/health/ready").handler(context -> context.json(UP));
        SimulatorRoutes.mount(router, simulator, SimulatorConfigSettings.eventStreamTiming(settings));
        return vertx.createHttpServer().requestHandler(router).listen(settings.httpPort());
    }
}
