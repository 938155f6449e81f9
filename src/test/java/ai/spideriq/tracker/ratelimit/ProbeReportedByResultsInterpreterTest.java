package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.client.ApiAccess;
import ai.spideriq.tracker.client.ResultsInterpreter;
import ai.spideriq.tracker.metrics.TrackerMetrics;
import ai.spideriq.tracker.testing.FakeClock;
import ai.spideriq.tracker.testing.ShippedConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every answer ResultsInterpreter reads is reported to the limiter: the probe after a pause is judged by it. */
class ProbeReportedByResultsInterpreterTest {

    private final FakeClock clock = new FakeClock();
    private final ApiRateLimiter limiter = new ApiRateLimiter(90, 10, clock, Duration.ofSeconds(10), 1);
    private final ResultsInterpreter interpreter = new ResultsInterpreter(new ObjectMapper().findAndRegisterModules(),
            limiter, new ApiAccess(), new TrackerMetrics(new SimpleMeterRegistry()), ShippedConfig.load().rateLimit(), clock);

    @Test
    void a429ProbeRepausesAndA404ProbeReleasesTheBucket() {
        answer(429, "2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();

        answer(429, "3");
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire()).isZero();

        interpreter.interpret(404, name -> null, () -> "");
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void aRejectedTokenPausesAndItsProbeWaitsForAnAnswerToo() {
        interpreter.interpret(401, name -> null, () -> "");
        clock.advance(Duration.ofSeconds(60));

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
        interpreter.interpret(401, name -> null, () -> "");
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(60));
    }

    private void answer(int status, String retryAfter) {
        Map<String, String> headers = Map.of("Retry-After", retryAfter);
        interpreter.interpret(status, headers::get, () -> "");
    }
}
