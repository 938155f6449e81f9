package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.model.JobResults;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Uni;

/**
 * The one way to call SpiderIQ. It turns each answer of {@code GET /results} into a {@link PollResult}, feeds the
 * server's rate-limit headers and 429s back into the shared limiter, tells {@link ApiAccess} whether the token is
 * accepted, and records every request. The caller takes the limiter token before calling: this class never waits.
 */
@ApplicationScoped
public class SpiderIqClient implements JobPoller {

    private static final Logger LOG = Logger.getLogger(SpiderIqClient.class);
    static final String RESULTS = "results";

    private final SpiderIqApi api;
    private final ObjectMapper mapper;
    private final ApiRateLimiter limiter;
    private final TrackerMetrics metrics;
    private final ApiAccess access;
    private final TrackerConfig.RateLimit rateLimit;
    private final Duration timeout;
    private final String authorization;

    public SpiderIqClient(@RestClient SpiderIqApi api, ObjectMapper mapper, ApiRateLimiter limiter,
            TrackerMetrics metrics, ApiAccess access, TrackerConfig config) {
        this.api = api;
        this.mapper = mapper;
        this.limiter = limiter;
        this.metrics = metrics;
        this.access = access;
        this.rateLimit = config.rateLimit();
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
                    return interpret(jobId, response);
                })
                .onFailure().recoverWithItem(failure -> {
                    String status = failure instanceof TimeoutException ? "timeout" : "io_error";
                    metrics.apiRequest(RESULTS, status, since(start));
                    return new PollResult.Failed(status);
                });
    }

    private PollResult interpret(UUID jobId, Response response) {
        int status = response.getStatus();
        RateLimitHeaders.remaining(response).ifPresent(remaining -> limiter.observeServerCount(remaining,
                RateLimitHeaders.reset(response).orElse(null)));
        if (status == 401 || status == 403) {
            access.rejected(status);
            limiter.pauseFor(rateLimit.authFailurePause());
            return new PollResult.Rejected(status);
        }
        if (status < 500 && status != 429) {
            access.accepted();
        }
        return switch (status) {
            case 200, 410 -> ended(jobId, response.readEntity(String.class));
            case 202 -> running(response.readEntity(String.class));
            case 404 -> new PollResult.NotFound();
            case 429 -> {
                Duration retryAfter = RateLimitHeaders.retryAfter(response, Instant.now())
                        .orElse(rateLimit.defaultRetryAfter());
                metrics.rateLimited();
                limiter.pauseFor(retryAfter);
                LOG.warnf("SpiderIQ answered 429: all polling paused for %s", retryAfter);
                yield new PollResult.RateLimited(retryAfter);
            }
            default -> new PollResult.Failed("http " + status);
        };
    }

    private PollResult ended(UUID jobId, String body) {
        try {
            JobResults results = mapper.readValue(body, JobResults.class);
            if (results.status() == null || !results.status().isTerminal()) {
                return new PollResult.Failed("ended without a terminal status");
            }
            return new PollResult.Ended(results);
        } catch (Exception e) {
            LOG.warnf("Unreadable results body for job %s: %s", jobId, e.getMessage());
            return new PollResult.Failed("unreadable body");
        }
    }

    private PollResult running(String body) {
        try {
            JobResults results = mapper.readValue(body, JobResults.class);
            String status = results.status() == null ? "processing" : results.status().wireName();
            return new PollResult.Running(status, results.type() == null ? null : results.type().wireName());
        } catch (Exception e) {
            // The 202 itself is the answer; an odd body does not change it.
            return new PollResult.Running("processing", null);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
