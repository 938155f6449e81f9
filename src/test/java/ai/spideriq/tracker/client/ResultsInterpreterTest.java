package ai.spideriq.tracker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.ratelimit.ApiRateLimiter;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.ShippedConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ResultsInterpreterTest {

    private final FakeClock clock = new FakeClock();
    private final ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock);
    private final ApiAccess access = new ApiAccess();
    private final ResultsInterpreter interpreter = new ResultsInterpreter(new ObjectMapper().findAndRegisterModules(),
            limiter, access, new TrackerMetrics(new SimpleMeterRegistry()), ShippedConfig.load().rateLimit(), clock);

    @Test
    void a429PausesAllPollingForItsRetryAfterInSecondsOrAsADate() {
        assertThat(interpret(429, Map.of("Retry-After", "7"), "")).isEqualTo(new PollResult.RateLimited(
                Duration.ofSeconds(7)));
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(7));

        clock.advance(Duration.ofSeconds(7));
        assertThat(interpret(429, Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:19 GMT"), ""))
                .isEqualTo(new PollResult.RateLimited(Duration.ofSeconds(12)));
    }

    @Test
    void a429WithoutRetryAfterTakesTheDefaultPause() {
        assertThat(interpret(429, Map.of(), "")).isEqualTo(new PollResult.RateLimited(Duration.ofSeconds(30)));
    }

    @Test
    void theServersCountBringsTheBucketDownAndAnEmptyBudgetPausesUntilItsReset() {
        long reset = clock.instant().plusSeconds(25).getEpochSecond();
        interpret(202, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)),
                "{\"status\":\"queued\"}");

        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aRejectedTokenIsReportedAndPausesPolling() {
        assertThat(interpret(401, Map.of(), "{\"detail\":\"Invalid\"}")).isEqualTo(new PollResult.Rejected(401));
        assertThat(access.state()).isEqualTo(ApiAccess.State.REJECTED);
        assertThat(limiter.paused()).isTrue();

        interpret(404, Map.of(), "{\"detail\":\"Job not found\"}");
        assertThat(access.state()).isEqualTo(ApiAccess.State.ACCEPTED);
    }

    @Test
    void readsTheShort202BodyAndTreatsAnUnreadable200AsAFailedRequest() {
        assertThat(interpret(202, Map.of(), "{\"success\":false,\"status\":\"queued\",\"message\":\"Job is queued\"}"))
                .isEqualTo(new PollResult.Running("queued", null));
        assertThat(interpret(200, Map.of(), "<html>oops</html>")).isInstanceOf(PollResult.Failed.class);
        assertThat(interpret(503, Map.of(), "")).isEqualTo(new PollResult.Failed("http 503"));
    }

    private PollResult interpret(int status, Map<String, String> headers, String body) {
        return interpreter.interpret(status, headers::get, () -> body);
    }
}
