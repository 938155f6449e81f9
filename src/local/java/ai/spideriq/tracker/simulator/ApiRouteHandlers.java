package ai.spideriq.tracker.simulator;

import java.util.HashMap;
import java.util.Map;

import io.vertx.ext.web.RoutingContext;

/** Vert.x handlers of the simulated job API: hand the request to the core, write its answer. */
final class ApiRouteHandlers {

    private final SpiderIqSimulator simulator;

    ApiRouteHandlers(SpiderIqSimulator simulator) {
        this.simulator = simulator;
    }

    void status(RoutingContext ctx) {
        send(ctx, simulator.status(authorization(ctx), ctx.pathParam("id")));
    }

    void results(RoutingContext ctx) {
        send(ctx, simulator.results(authorization(ctx), ctx.pathParam("id")));
    }

    void cancel(RoutingContext ctx) {
        send(ctx, simulator.cancel(authorization(ctx), ctx.pathParam("id")));
    }

    void listJobs(RoutingContext ctx) {
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        SimulatedResponse answer = simulator.listJobs(authorization(ctx), query);
        if (simulator.listMode().kind() != JobListMode.Kind.STALL) {
            send(ctx, answer);
        } // else: counted and logged, never sent; Vert.x drops the request when the client hangs up
    }

    /** Writes {@code response} (status, headers, JSON body). */
    static void send(RoutingContext ctx, SimulatedResponse response) {
        var http = ctx.response().setStatusCode(response.status()).putHeader("Content-Type", "application/json");
        response.headers().forEach(http::putHeader);
        http.end(response.jsonBody());
    }

    private static String authorization(RoutingContext ctx) {
        return ctx.request().getHeader("Authorization");
    }
}
