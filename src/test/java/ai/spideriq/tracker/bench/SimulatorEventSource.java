package ai.spideriq.tracker.bench;

import java.util.concurrent.atomic.AtomicReference;

import ai.spideriq.tracker.client.ApiEvent;
import ai.spideriq.tracker.client.RateLimitFeedback;
import ai.spideriq.tracker.detection.EventStreamSource;
import ai.spideriq.tracker.simulator.EventStreamOpening;
import ai.spideriq.tracker.simulator.EventSubscription;
import io.smallrye.mutiny.Multi;

/**
 * The simulator's event stream as the production client reads it: a refusal's answer goes to the limiter through
 * {@link RateLimitFeedback} (so a 429 pauses it, as in {@code SpiderIqClient}), raw frames are skipped, each frame is
 * parsed from its SSE data, and the connection is hung up when the follower gives it up. End frames handed to a live
 * connection are reported to the API's listener: those are the ends the stream did not lose.
 */
final class SimulatorEventSource implements EventStreamSource {

    private static final String ENDPOINT = "events";

    private final SimulatedApi api;
    private final RateLimitFeedback feedback;

    SimulatorEventSource(SimulatedApi api, RateLimitFeedback feedback) {
        this.api = api;
        this.feedback = feedback;
    }

    @Override
    public Multi<ApiEvent> open() {
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<EventSubscription> held = new AtomicReference<>();
            emitter.onTermination(() -> {
                EventSubscription subscription = held.get();
                if (subscription != null) {
                    subscription.close();
                }
            });
            EventStreamOpening opening = api.events(event -> {
                if (emitter.isCancelled() || event.name() == null) {
                    return;
                }
                ApiEvent parsed = ApiEvent.parse(event.name(), event.dataJson(), SimulatorPoller.MAPPER);
                if ((parsed.kind() == ApiEvent.Kind.COMPLETED || parsed.kind() == ApiEvent.Kind.FAILED)
                        && parsed.jobId() != null) {
                    api.endFrameReached(parsed.jobId().toString());
                }
                emitter.emit(parsed);
            }, emitter::complete);
            if (opening.isOpen()) {
                held.set(opening.subscription().orElseThrow());
            } else {
                feedback.observe(ENDPOINT, opening.response().status(), opening.response()::header);
                // EventStreamException is the client's own; the follower treats any failure alike (backoff).
                emitter.fail(new IllegalStateException("http " + opening.response().status()));
            }
        });
    }
}
