package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The one way to call SpiderIQ: one {@code GET /results} per poll, with the Bearer token, a timeout and a metric for
 * every request, and the account's event stream; the {@link ResultsInterpreter} says what an answer means. The caller
 * takes the limiter token before calling: this class never waits.
 */
@ApplicationScoped
public class SpiderIqClient implements JobPoller {

    static final String RESULTS = "results";
    static final String EVENTS = "events";

    private final SpiderIqApi api;
    private final TrackerMetrics metrics;
    private final ResultsInterpreter interpreter;
    private final Duration timeout;
    private final String authorization;
    private final String token;
    private final ObjectMapper mapper;
    private final ApiRateLimiter limiter;

    public SpiderIqClient(@RestClient SpiderIqApi api, ObjectMapper mapper, ApiRateLimiter limiter,
            TrackerMetrics metrics, ApiAccess access, TrackerConfig config) {
        this.api = api;
        this.metrics = metrics;
        this.interpreter = new ResultsInterpreter(mapper, limiter, access, metrics, config.rateLimit(),
                InstantSource.system());
        this.timeout = config.api().requestTimeout();
        this.token = config.api().token().orElse("");
        this.authorization = "Bearer " + token;
        this.mapper = mapper;
        this.limiter = limiter;
    }

    @Override
    public Uni<PollResult> poll(UUID jobId) {
        long start = System.nanoTime();
        return api.results(jobId, authorization)
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    metrics.apiRequest(RESULTS, Integer.toString(response.getStatus()), since(start));
                    return interpreter.interpret(response.getStatus(), response::getHeaderString,
                            () -> response.readEntity(String.class));
                })
                .onFailure().recoverWithItem(failure -> {
                    // ifNoItem().fail() raises Mutiny's own TimeoutException, not java.util.concurrent's.
                    String status = failure instanceof io.smallrye.mutiny.TimeoutException
                            || failure instanceof java.util.concurrent.TimeoutException ? "timeout" : "io_error";
                    metrics.apiRequest(RESULTS, status, since(start));
                    // No answer: if this was the probe after a pause, the next request probes again.
                    limiter.unanswered();
                    return new PollResult.Failed(status);
                });
    }

    /**
     * Opens the account's event stream once: the documented events of every job, as they arrive. The first signal
     * (an event or a heartbeat) tells {@code onOpen} the stream is up. It fails when the connection is refused or
     * drops and completes when the server ends it: reconnecting is the caller's decision. A refusal's rate-limit and
     * credential answers act on the limiter as any other request's do.
     */
    public Multi<ApiEvent> events(Runnable onOpen) {
        long start = System.nanoTime();
        AtomicBoolean opened = new AtomicBoolean();
        return api.events(token)
                .onItem().invoke(signal -> {
                    if (opened.compareAndSet(false, true)) {
                        metrics.apiRequest(EVENTS, "200", since(start));
                        onOpen.run();
                    }
                })
                .onFailure().invoke(failure -> {
                    if (!opened.get()) {
                        refused(failure, start);
                    }
                })
                .filter(signal -> signal.data() != null && !signal.data().isBlank())
                .map(signal -> {
                    Optional<ApiEvent> event = ApiEvent.parse(signal.name(), signal.data(), mapper);
                    metrics.eventReceived(event.map(e -> e.kind().wireName()).orElse("other")).increment();
                    return event;
                })
                .filter(Optional::isPresent).map(Optional::get);
    }

    private void refused(Throwable failure, long start) {
        if (failure instanceof WebApplicationException refusal && refusal.getResponse() != null) {
            Response response = refusal.getResponse();
            metrics.apiRequest(EVENTS, Integer.toString(response.getStatus()), since(start));
            interpreter.interpret(response.getStatus(), response::getHeaderString, () -> "");
        } else {
            metrics.apiRequest(EVENTS, "io_error", since(start));
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
