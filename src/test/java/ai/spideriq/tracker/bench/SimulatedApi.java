package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.spideriq.tracker.simulator.EventStreamOpening;
import ai.spideriq.tracker.simulator.SimulatedEvent;
import ai.spideriq.tracker.simulator.SimulatedResponse;
import ai.spideriq.tracker.simulator.SimulatorSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;

/**
 * The simulator core as a remote API on virtual time: a request reaches the simulator half the latency after it is
 * sent (that is when its rate limit and the job's state are judged) and its answer arrives the other half later.
 */
final class SimulatedApi {

    private static final String AUTHORIZATION = "Bearer " + SimulatorSettings.DEFAULT_TOKEN;

    private final SpiderIqSimulator simulator;
    private final VirtualTimers timers;
    private final Duration toServer;
    private final Duration toClient;

    private final Consumer<String> endFrameReached;
    private final EndpointCounts counts = new EndpointCounts();

    SimulatedApi(SpiderIqSimulator simulator, VirtualTimers timers, Duration latency) {
        this(simulator, timers, latency, jobId -> {
        });
    }

    /** @param endFrameReached told the job id of each end frame (completed, failed) that reached the tracker */
    SimulatedApi(SpiderIqSimulator simulator, VirtualTimers timers, Duration latency,
            Consumer<String> endFrameReached) {
        this.simulator = simulator;
        this.timers = timers;
        this.toServer = latency.dividedBy(2);
        this.toClient = latency.minus(toServer);
        this.endFrameReached = endFrameReached;
    }

    /** {@code GET /api/v1/jobs/{id}/results}. */
    void results(String jobId, Consumer<SimulatedResponse> onAnswer) {
        call(EndpointCounts.RESULTS, () -> simulator.results(AUTHORIZATION, jobId), onAnswer);
    }

    /** {@code GET /api/v1/jobs/{id}/status}. */
    void status(String jobId, Consumer<SimulatedResponse> onAnswer) {
        call(EndpointCounts.STATUS, () -> simulator.status(AUTHORIZATION, jobId), onAnswer);
    }

    /** {@code GET /api/v1/jobs/list?sort_by=updated_at&sort_order=desc}, as the production client asks for it. */
    void listJobs(int page, int pageSize, Consumer<SimulatedResponse> onAnswer) {
        Map<String, String> query = Map.of("page", Integer.toString(page), "page_size", Integer.toString(pageSize),
                "sort_by", "updated_at", "sort_order", "desc");
        call(EndpointCounts.LIST, () -> simulator.listJobs(AUTHORIZATION, query), onAnswer);
    }

    /** A job's end frame was handed to the tracker (the adapter calls this only for a live connection). */
    void endFrameReached(String jobId) {
        endFrameReached.accept(jobId);
    }

    EndpointCounts counts() {
        return counts;
    }

    /**
     * {@code GET /api/v1/events/stream}: opened at once; each event reaches the client half the latency after the
     * simulator delivers it. A refused opening answers its response.
     */
    EventStreamOpening events(Consumer<SimulatedEvent> onEvent, Runnable onClose) {
        EventStreamOpening opening = simulator.openEventStream(SimulatorSettings.DEFAULT_TOKEN,
                event -> timers.schedule(toClient, () -> onEvent.accept(event)),
                () -> timers.schedule(toClient, onClose));
        counts.answered(EndpointCounts.EVENTS, opening.response().status());
        return opening;
    }

    private void call(String name, Supplier<SimulatedResponse> endpoint, Consumer<SimulatedResponse> onAnswer) {
        timers.schedule(toServer, () -> {
            SimulatedResponse answer = endpoint.get();
            counts.answered(name, answer.status());
            timers.schedule(toClient, () -> onAnswer.accept(answer));
        });
    }
}
