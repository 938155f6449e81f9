package ai.spideriq.tracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.client.PollResult;
import ai.spideriq.tracker.client.model.JobResults;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.simulator.SimulatedResponse;
import ai.spideriq.tracker.tracking.JobPoller;
import io.smallrye.mutiny.Uni;

/**
 * The real tracker's {@link JobPoller} on the simulated API: each answer becomes a {@link PollResult} and feeds the
 * limiter exactly as {@code SpiderIqClient.interpret} does (server count from {@code X-RateLimit-*}, a pause on 429
 * for {@code Retry-After} or the configured default, a pause on 401/403). That mapping lives, private, in the REST
 * client; this mirrors it on {@link SimulatedResponse} and must follow it when it changes.
 */
final class SimulatorPoller implements JobPoller {

    /** Configured like the mapper Quarkus gives {@code SpiderIqClient}. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** A reset below this is seconds from now rather than a Unix time. */
    private static final long UNIX_TIME_FLOOR = 1_000_000_000L;

    private final SimulatedApi api;
    private final ApiRateLimiter limiter;
    private final TrackerConfig.RateLimit rateLimit;
    private final InstantSource clock;

    SimulatorPoller(SimulatedApi api, ApiRateLimiter limiter, TrackerConfig.RateLimit rateLimit, InstantSource clock) {
        this.api = api;
        this.limiter = limiter;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @Override
    public Uni<PollResult> poll(UUID jobId) {
        return Uni.createFrom().emitter(emitter -> api.results(jobId.toString(),
                answer -> emitter.complete(interpret(answer))));
    }

    private PollResult interpret(SimulatedResponse answer) {
        int status = answer.status();
        number(answer.header("X-RateLimit-Remaining")).ifPresent(remaining -> limiter.observeServerCount(remaining,
                number(answer.header("X-RateLimit-Reset")).map(this::resetTime).orElse(null)));
        if (status == 401 || status == 403) {
            limiter.pauseFor(rateLimit.authFailurePause());
            return new PollResult.Rejected(status);
        }
        return switch (status) {
            case 200, 410 -> ended(answer.jsonBody());
            case 202 -> running(answer.jsonBody());
            case 404 -> new PollResult.NotFound();
            case 429 -> {
                Duration retryAfter = retryAfter(answer.header("Retry-After")).orElse(rateLimit.defaultRetryAfter());
                limiter.pauseFor(retryAfter);
                yield new PollResult.RateLimited(retryAfter);
            }
            default -> new PollResult.Failed("http " + status);
        };
    }

    private static PollResult ended(String body) {
        try {
            JobResults results = MAPPER.readValue(body, JobResults.class);
            return results.status() == null || !results.status().isTerminal()
                    ? new PollResult.Failed("ended without a terminal status")
                    : new PollResult.Ended(results);
        } catch (Exception e) {
            return new PollResult.Failed("unreadable body");
        }
    }

    private static PollResult running(String body) {
        try {
            JobResults results = MAPPER.readValue(body, JobResults.class);
            return new PollResult.Running(results.status() == null ? "processing" : results.status().wireName(),
                    results.type() == null ? null : results.type().wireName());
        } catch (Exception e) {
            return new PollResult.Running("processing", null);
        }
    }

    private Instant resetTime(long value) {
        return value >= UNIX_TIME_FLOOR ? Instant.ofEpochSecond(value) : clock.instant().plusSeconds(value);
    }

    private Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(1, seconds.get())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant now = clock.instant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of((long) Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
