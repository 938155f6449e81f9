package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** One open event stream on a simulator core, recording what it received and how often it was closed. */
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

    List<String> names() {
        return events.stream().map(SimulatedEvent::name).toList();
    }
}
