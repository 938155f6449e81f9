package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Uni;

/**
 * The one way to call SpiderIQ: one {@code GET /results} per poll, with the Bearer token, a timeout and a metric for
 * every request; the {@link ResultsInterpreter} says what the answer means. The caller takes the limiter token before
 * calling: this class never waits.
 */
@ApplicationScoped
public class SpiderIqClient implements JobPoller {

    static final String RESULTS = "results";

    private final SpiderIqApi api;
    private final TrackerMetrics metrics;
    private final ResultsInterpreter interpreter;
    private final Duration timeout;
    private final String authorization;

    public SpiderIqClient(@RestClient SpiderIqApi api, ObjectMapper mapper, ApiRateLimiter limiter,
            TrackerMetrics metrics, ApiAccess access, TrackerConfig config) {
        this.api = api;
        this.metrics = metrics;
        this.interpreter = new ResultsInterpreter(mapper, limiter, access, metrics, config.rateLimit(),
                InstantSource.system());
        this.timeout = config.api().requestTimeout();
        this.authorization = "Bearer " + config.api().token().orElse("");
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
                    String status = failure instanceof TimeoutException ? "timeout" : "io_error";
                    metrics.apiRequest(RESULTS, status, since(start));
                    return new PollResult.Failed(status);
                });
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
