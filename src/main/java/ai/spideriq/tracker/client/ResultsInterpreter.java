package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;

/**
 * What one answer of {@code GET /results} means: a {@link PollResult}, plus its effects on the shared limiter (the
 * server's count and a 429's pause through {@link RateLimitFeedback}, as for every endpoint; a pause on a rejected
 * token) and on {@link ApiAccess}. Independent of the HTTP client, so
 * the benchmark runs this very code against the simulator.
 */
public final class ResultsInterpreter {

    private static final Logger LOG = Logger.getLogger(ResultsInterpreter.class);

    private final ObjectMapper mapper;
    private final ApiRateLimiter limiter;
    private final ApiAccess access;
    private final RateLimitFeedback feedback;
    private final TrackerConfig.RateLimit rateLimit;

    public ResultsInterpreter(ObjectMapper mapper, ApiRateLimiter limiter, ApiAccess access, TrackerMetrics metrics,
            TrackerConfig.RateLimit rateLimit, InstantSource clock) {
        this.mapper = mapper;
        this.limiter = limiter;
        this.access = access;
        this.feedback = new RateLimitFeedback(limiter, metrics, rateLimit, clock);
        this.rateLimit = rateLimit;
    }

    /**
     * Also reports the answer to the limiter ({@link ApiRateLimiter#answered}), so that the probe after a pause is
     * judged by whichever request it was.
     *
     * @param status the HTTP status
     * @param header reads a response header by name, null when absent
     * @param body reads the body; called only for the statuses whose body matters
     */
    public PollResult interpret(int status, Function<String, String> header, Supplier<String> body) {
        PollResult result = read(status, header, body);
        limiter.answered(status == 429 || status == 401 || status == 403);
        return result;
    }

    private PollResult read(int status, Function<String, String> header, Supplier<String> body) {
        Optional<Duration> retryAfter = feedback.apply(SpiderIqClient.RESULTS, status, header);
        if (status == 401 || status == 403) {
            access.rejected(status);
            limiter.pauseFor(rateLimit.authFailurePause());
            return new PollResult.Rejected(status);
        }
        if (status < 500 && status != 429) {
            access.accepted();
        }
        return switch (status) {
            case 200, 410 -> ended(body.get());
            case 202 -> running(body.get());
            case 404 -> new PollResult.NotFound();
            case 429 -> new PollResult.RateLimited(retryAfter.orElseThrow());
            default -> new PollResult.Failed("http " + status);
        };
    }

    private PollResult ended(String body) {
        try {
            JobResults results = JobResults.read(mapper, body);
            if (results.status() == null || !results.status().isTerminal()) {
                return new PollResult.Failed("ended without a terminal status");
            }
            return new PollResult.Ended(results);
        } catch (Exception e) {
            LOG.warnf("Unreadable results body: %s", e.getMessage());
            return new PollResult.Failed("unreadable body");
        }
    }

    private PollResult running(String body) {
        try {
            JobResults results = JobResults.read(mapper, body);
            String status = results.status() == null ? "processing" : results.status().wireName();
            return new PollResult.Running(status, results.typeName());
        } catch (Exception e) {
            // The 202 itself is the answer; an odd body does not change it.
            return new PollResult.Running("processing", null);
        }
    }
}
