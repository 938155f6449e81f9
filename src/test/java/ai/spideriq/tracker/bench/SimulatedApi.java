package ai.spideriq.tracker.bench;

import java.time.Duration;
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

    SimulatedApi(SpiderIqSimulator simulator, VirtualTimers timers, Duration latency) {
        this.simulator = simulator;
        this.timers = timers;
        this.toServer = latency.dividedBy(2);
        this.toClient = latency.minus(toServer);
    }

    /** {@code GET /api/v1/jobs/{id}/results}. */
    void results(String jobId, Consumer<SimulatedResponse> onAnswer) {
        call(() -> simulator.results(AUTHORIZATION, jobId), onAnswer);
    }

    /** {@code GET /api/v1/jobs/{id}/status}. */
    void status(String jobId, Consumer<SimulatedResponse> onAnswer) {
        call(() -> simulator.status(AUTHORIZATION, jobId), onAnswer);
    }

    /**
     * {@code GET /api/v1/events/stream}: opened at once; each event reaches the client half the latency after the
     * simulator delivers it. A refused opening answers its response.
     */
    EventStreamOpening events(Consumer<SimulatedEvent> onEvent, Runnable onClose) {
        return simulator.openEventStream(SimulatorSettings.DEFAULT_TOKEN,
                event -> timers.schedule(toClient, () -> onEvent.accept(event)),
                () -> timers.schedule(toClient, onClose));
    }

    private void call(Supplier<SimulatedResponse> endpoint, Consumer<SimulatedResponse> onAnswer) {
        timers.schedule(toServer, () -> {
            SimulatedResponse answer = endpoint.get();
            timers.schedule(toClient, () -> onAnswer.accept(answer));
        });
    }
}
