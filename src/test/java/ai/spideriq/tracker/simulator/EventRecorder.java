package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** One open event stream on a simulator core, recording every frame it received and how often it was closed. */
final class EventRecorder {

    final List<SimulatedEvent> events = new ArrayList<>();
    final EventSubscription subscription;
    int closes;

    private EventRecorder(SpiderIqSimulator simulator) {
        EventStreamOpening opening = simulator.openEventStream(SimulatorSettings.DEFAULT_TOKEN, events::add,
                () -> closes++);
        assertThat(opening.response().status()).isEqualTo(200);
        subscription = opening.subscription().orElseThrow();
    }

    /** Opens a stream on {@code simulator} with the default token. */
    static EventRecorder subscribe(SpiderIqSimulator simulator) {
        return new EventRecorder(simulator);
    }

    /** The job events received (connection events and garbage left out). */
    List<SimulatedEvent> jobEvents() {
        return events.stream().filter(SimulatedEvent::isJobEvent).toList();
    }

    /** The names of the job events received. */
    List<String> names() {
        return jobEvents().stream().map(SimulatedEvent::name).toList();
    }

    /** The names of every frame received ({@code null} for a raw one). */
    List<String> allNames() {
        return events.stream().map(SimulatedEvent::name).toList();
    }
}
