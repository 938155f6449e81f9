package ai.spideriq.tracker.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;

/**
 * What any answer of the API tells the shared limiter, whatever the endpoint: the server's own count
 * ({@code X-RateLimit-Remaining}) and, on a 429, a pause for {@code Retry-After}. The limit is the account's, so the
 * event stream's and the job list's answers count as much as {@code /results}', and each answers the limiter's probe
 * after a pause ({@link ApiRateLimiter#answered}). Unlike {@link ResultsInterpreter}, it
 * never judges the token: only {@code /results} does that.
 */
public final class RateLimitFeedback {

    private static final Logger LOG = Logger.getLogger(RateLimitFeedback.class);

    private final ApiRateLimiter limiter;
    private final TrackerMetrics metrics;
    private final Duration defaultRetryAfter;
    private final InstantSource clock;

    public RateLimitFeedback(ApiRateLimiter limiter, TrackerMetrics metrics, TrackerConfig.RateLimit rateLimit,
            InstantSource clock) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.defaultRetryAfter = rateLimit.defaultRetryAfter();
        this.clock = clock;
    }

    /**
     * Applies the answer and reports it to the limiter's probe, a 429 as limited.
     *
     * @param endpoint which endpoint answered, for the log line
     * @return whether the answer was a 429
     */
    public boolean observe(String endpoint, int status, Function<String, String> header) {
        boolean limited = apply(endpoint, status, header).isPresent();
        limiter.answered(limited); // a probe after a pause that got anything but a 429 lets the rest go
        return limited;
    }

    /**
     * Applies the server's count and a 429's pause, without reporting to the probe: {@code /results} also counts a
     * rejected token as limited, so {@link ResultsInterpreter} reports itself.
     *
     * @return the pause a 429 asked for, else empty
     */
    Optional<Duration> apply(String endpoint, int status, Function<String, String> header) {
        RateLimitHeaders.remaining(header).ifPresent(remaining -> limiter.observeServerCount(remaining,
                RateLimitHeaders.reset(header, clock.instant()).orElse(null)));
        if (status != 429) {
            return Optional.empty();
        }
        Duration retryAfter = RateLimitHeaders.retryAfter(header, clock.instant()).orElse(defaultRetryAfter);
        metrics.rateLimited();
        limiter.pauseFor(retryAfter);
        LOG.warnf("SpiderIQ answered 429 to a %s request: all requests paused for %s", endpoint, retryAfter);
        return Optional.of(retryAfter);
    }
}
