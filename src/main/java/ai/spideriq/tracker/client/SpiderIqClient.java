package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.detection.EventStreamSource;
import ai.spideriq.tracker.detection.JobLister;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The one way to call SpiderIQ: one {@code GET /results} per poll, with the Bearer token, a timeout and a metric for
 * every request; the account's job list and event stream, which only ever hint at ends. The
 * {@link ResultsInterpreter} and {@link JobListReader} say what an answer means. The caller
 * takes the limiter token before calling: this class never waits.
 */
@ApplicationScoped
public class SpiderIqClient implements JobPoller, JobLister, EventStreamSource {

    static final String RESULTS = "results";
    static final String EVENTS = "events";
    static final String LIST = JobListReader.ENDPOINT;

    private final SpiderIqApi api;
    private final TrackerMetrics metrics;
    private final ResultsInterpreter interpreter;
    private final RateLimitFeedback feedback;
    private final JobListReader listReader;
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
        this.feedback = new RateLimitFeedback(limiter, metrics, config.rateLimit(), InstantSource.system());
        this.listReader = new JobListReader(mapper, feedback);
        this.timeout = config.api().requestTimeout();
        this.token = config.api().token().orElse("");
        this.authorization = "Bearer " + token;
        this.mapper = mapper;
        this.limiter = limiter;
    }

    @Override
    public Uni<PollResult> poll(UUID jobId) {
        return request(RESULTS, api.results(jobId, authorization), interpreter::interpret, PollResult.Failed::new);
    }

    @Override
    public Uni<JobListAnswer> list(int page, int pageSize) {
        return request(LIST, api.list(page, pageSize, "updated_at", "desc", authorization), listReader::read,
                JobListAnswer.Failed::new);
    }

    /** What an answer means, from its status, headers and body (read only when it matters). */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(int status, Function<String, String> header, Supplier<String> body);
    }

    /**
     * One request with the timeout and a metric; {@code reader} says what an answer means, {@code noAnswer} what a
     * timeout or connection error becomes. Never fails.
     */
    private <T> Uni<T> request(String endpoint, Uni<Response> call, AnswerReader<T> reader,
            Function<String, T> noAnswer) {
        long start = System.nanoTime();
        return call.ifNoItem().after(timeout).fail()
                .map(response -> {
                    metrics.apiRequest(endpoint, Integer.toString(response.getStatus()), since(start));
                    return reader.read(response.getStatus(), response::getHeaderString,
                            () -> response.readEntity(String.class));
                })
                .onFailure().recoverWithItem(failure -> {
                    String status = failureStatus(failure);
                    metrics.apiRequest(endpoint, status, since(start));
                    // No answer: if this was the probe after a pause, the next request probes again.
                    limiter.unanswered();
                    return noAnswer.apply(status);
                });
    }

    /**
     * Opens the account's event stream once: every frame, as it arrives (SSE comments are not frames). A refusal
     * counts as a request of its own and acts on the limiter only through its rate-limit answers: whatever the
     * stream says, it never judges the token. Failures carry their status only ({@link EventStreamException}):
     * the URL holds the token.
     */
    @Override
    public Multi<ApiEvent> open() {
        long start = System.nanoTime();
        AtomicBoolean answered = new AtomicBoolean();
        return api.events(token)
                .onItem().invoke(signal -> {
                    if (answered.compareAndSet(false, true)) {
                        metrics.apiRequest(EVENTS, "200", since(start));
                        limiter.answered(false);
                    }
                })
                .onFailure().transform(failure -> refused(failure, start, !answered.getAndSet(true)))
                .filter(signal -> signal.name() != null || signal.data() != null)
                .map(signal -> {
                    ApiEvent event = ApiEvent.parse(signal.name(), signal.data(), mapper);
                    metrics.detection().eventReceived(event.kind().wireName()).increment();
                    return event;
                });
    }

    private EventStreamException refused(Throwable failure, long start, boolean atOpening) {
        if (failure instanceof WebApplicationException refusal && refusal.getResponse() != null) {
            Response response = refusal.getResponse();
            metrics.apiRequest(EVENTS, Integer.toString(response.getStatus()), since(start));
            feedback.observe(EVENTS, response.getStatus(), response::getHeaderString);
            return new EventStreamException("http " + response.getStatus());
        }
        String status = failureStatus(failure);
        if (atOpening) {
            metrics.apiRequest(EVENTS, status, since(start));
            limiter.unanswered();
        }
        return new EventStreamException(status);
    }

    /** {@code ifNoItem().fail()} raises Mutiny's own TimeoutException, not java.util.concurrent's. */
    private static String failureStatus(Throwable failure) {
        return failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException
                        ? "timeout"
                        : "io_error";
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
