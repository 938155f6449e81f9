package ai.spideriq.tracker.simulator;

import java.util.Optional;

/**
 * The answer to opening the event stream: the API's response (200, or the error it would send instead of a
 * stream) and, on 200, the subscription to close when the client goes away. Holds no credentials.
 *
 * @param response the gateway's answer; its body is only sent when the stream was refused
 * @param subscription the subscription, present exactly when {@code response} is 200 (in the error mode the server
 *        has already closed it again)
 */
public record EventStreamOpening(SimulatedResponse response, Optional<EventSubscription> subscription) {

    /** Whether the stream was opened (200), even if the server closed it since. */
    public boolean isOpen() {
        return subscription.isPresent();
    }
}
