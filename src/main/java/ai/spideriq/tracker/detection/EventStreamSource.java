package ai.spideriq.tracker.detection;

import ai.spideriq.tracker.client.ApiEvent;
import io.smallrye.mutiny.Multi;

/** Opens the account's event stream. The seam that lets tests and the benchmark put their own stream behind it. */
@FunctionalInterface
public interface EventStreamSource {

    /**
     * Opens the stream once: every frame as it arrives. Fails with an {@code EventStreamException} when refused or
     * broken, completes when the server ends it; reconnecting is the caller's decision.
     */
    Multi<ApiEvent> open();
}
