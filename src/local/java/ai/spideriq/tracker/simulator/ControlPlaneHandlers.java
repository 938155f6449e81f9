package ai.spideriq.tracker.simulator;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x handlers of the {@code /simulator} control plane: create jobs, inspect them and the log, script faults,
 * switch the stream's and the list's failure modes, drop the event streams.
 */
final class ControlPlaneHandlers {

    private final SpiderIqSimulator simulator;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ControlPlaneJson json = new ControlPlaneJson(mapper);
    private final ModeRequests modes = new ModeRequests(mapper);

    ControlPlaneHandlers(SpiderIqSimulator simulator) {
        this.simulator = simulator;
    }

    /** {@code POST /simulator/jobs}: a job spec, or {@code count} drawn jobs; 201 with the created jobs. */
    void createJobs(RoutingContext ctx) {
        try {
            ControlPlaneJson.CreateRequest request = json.parseCreate(body(ctx));
            List<SimulatedJob> jobs = simulator.createMany(request.count(), request.spec());
            send(ctx, 201, json.jobs(jobs, simulator.now()));
        } catch (IllegalArgumentException e) {
            sendDetail(ctx, 400, e.getMessage());
        }
    }

    /** {@code GET /simulator/jobs/:id}. */
    void job(RoutingContext ctx) {
        simulator.job(ctx.pathParam("id")).ifPresentOrElse(
                job -> send(ctx, 200, json.job(job, simulator.now())),
                () -> sendDetail(ctx, 404, "Job not found"));
    }

    /** {@code GET /simulator/requests[?job_id=...]}. */
    void requests(RoutingContext ctx) {
        String jobId = ctx.request().getParam("job_id");
        send(ctx, 200, json.requests(jobId == null ? simulator.requests() : simulator.requestsFor(jobId)));
    }

    /** {@code GET /simulator/stats}. */
    void stats(RoutingContext ctx) {
        send(ctx, 200, json.stats(simulator.stats(), simulator.jobs().size(), simulator.pendingFaults()));
    }

    /** {@code POST /simulator/faults} with {@code {"status":503,"count":3,"retry_after_seconds":2}}. */
    void injectFaults(RoutingContext ctx) {
        try {
            JsonNode body = body(ctx);
            JsonNode retryAfter = body.path("retry_after_seconds");
            simulator.injectFaults(body.path("status").asInt(0), body.path("count").asInt(1),
                    retryAfter.isNumber() ? Duration.ofMillis(Math.round(retryAfter.asDouble() * 1000)) : null);
            send(ctx, 200, mapper.createObjectNode().put("pending_faults", simulator.pendingFaults()));
        } catch (IllegalArgumentException e) {
            sendDetail(ctx, 400, e.getMessage());
        }
    }

    /** {@code POST /simulator/events/disconnect}: drops every open event stream, as a server restart would. */
    void disconnectEventStreams(RoutingContext ctx) {
        send(ctx, 200, mapper.createObjectNode().put("closed", simulator.closeEventStreams()));
    }

    /**
     * {@code POST /simulator/events/mode} with e.g. {@code {"mode":"refuse","status":401}}: 200 with the new mode,
     * which streams opened from now on follow ({@code /simulator/events/disconnect} drops the open ones).
     */
    void eventStreamMode(RoutingContext ctx) {
        try {
            EventStreamMode mode = modes.eventStreamMode(body(ctx));
            simulator.setEventStreamMode(mode);
            send(ctx, 200, modes.view(mode));
        } catch (IllegalArgumentException e) {
            sendDetail(ctx, 400, e.getMessage());
        }
    }

    /** {@code POST /simulator/list/mode} with e.g. {@code {"mode":"status","status":422}}: 200 with the new mode. */
    void listMode(RoutingContext ctx) {
        try {
            JobListMode mode = modes.listMode(body(ctx));
            simulator.setListMode(mode);
            send(ctx, 200, modes.view(mode));
        } catch (IllegalArgumentException e) {
            sendDetail(ctx, 400, e.getMessage());
        }
    }

    /** {@code POST /simulator/reset}: 204. */
    void reset(RoutingContext ctx) {
        simulator.reset();
        ctx.response().setStatusCode(204).end();
    }

    private JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Expected a JSON body");
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void send(RoutingContext ctx, int status, Object body) {
        try {
            ApiRouteHandlers.send(ctx, SimulatedResponse.of(status, mapper.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private void sendDetail(RoutingContext ctx, int status, String detail) {
        ApiRouteHandlers.send(ctx, SimulatedResponse.detail(status, detail));
    }
}
