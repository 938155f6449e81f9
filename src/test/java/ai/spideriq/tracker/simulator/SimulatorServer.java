package ai.spideriq.tracker.simulator;

import static io.restassured.RestAssured.given;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The simulator's routes on a plain Vert.x server on a free port (no Quarkus boot), for the route tests. */
final class SimulatorServer implements AutoCloseable {

    private final Vertx vertx;
    private final int port;

    private SimulatorServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    static SimulatorServer start(Consumer<Router> routes) throws Exception {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        routes.accept(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new SimulatorServer(vertx, server.actualPort());
    }

    int port() {
        return port;
    }

    /** A request to this server. */
    RequestSpecification api() {
        return given().port(port).baseUri("http://localhost");
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
