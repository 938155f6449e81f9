package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static ai.spideriq.tracker.simulator.SimulatorFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SimulatorRateLimitTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void the101stRequestInAWindowIsRejectedUntilTheWindowEnds() {
        SimulatedResponse last = null;
        for (int i = 0; i < 100; i++) {
            // Half a second apart: under the burst bucket's refill, so only the window limits.
            last = simulator.results(AUTH, ID);
            assertThat(last.status()).as("request %d", i + 1).isEqualTo(404);
            fixture.clock.advance(Duration.ofMillis(500));
        }
        long windowEnd = START.getEpochSecond() + 60;
        assertThat(last.headers()).containsEntry("X-RateLimit-Limit", "100")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", Long.toString(windowEnd));

        SimulatedResponse rejected = simulator.results(AUTH, ID);

        assertThat(rejected.status()).isEqualTo(429);
        assertThat(rejected.jsonBody()).isEqualTo("{\"detail\":\"Rate limit exceeded\"}");
        assertThat(rejected.headers()).containsEntry("Retry-After", "10")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", Long.toString(windowEnd));

        fixture.clock.advanceTo(START.plusSeconds(60));
        SimulatedResponse next = simulator.results(AUTH, ID);
        assertThat(next.status()).isEqualTo(404);
        assertThat(next.headers()).containsEntry("X-RateLimit-Remaining", "99")
                .containsEntry("X-RateLimit-Reset", Long.toString(windowEnd + 60));
        assertThat(simulator.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void aBurstOf21IsRejectedOnThe21stAndRejectionsConsumeNothing() {
        for (int i = 0; i < 20; i++) {
            assertThat(simulator.status(AUTH, ID).status()).isEqualTo(404);
        }

        SimulatedResponse rejected = simulator.status(AUTH, ID);
        SimulatedResponse rejectedAgain = simulator.results(AUTH, ID);

        assertThat(rejected.status()).isEqualTo(429);
        assertThat(rejected.headers()).containsEntry("Retry-After", "1")
                .containsEntry("X-RateLimit-Remaining", "80");
        assertThat(rejectedAgain.headers()).containsEntry("X-RateLimit-Remaining", "80");

        fixture.clock.advance(Duration.ofMillis(600));
        SimulatedResponse refilled = simulator.status(AUTH, ID);
        assertThat(refilled.status()).isEqualTo(404);
        assertThat(refilled.headers()).containsEntry("X-RateLimit-Remaining", "79");
        assertThat(simulator.status(AUTH, ID).status()).isEqualTo(429);
    }

    @Test
    void limitsArePerAccount() {
        SpiderIqSimulator twoAccounts = new SimulatorFixture(SimulatorSettings.builder()
                .acceptedTokens(Set.of("a:k:s", "b:k:s")).build()).simulator;
        for (int i = 0; i < 20; i++) {
            twoAccounts.results("Bearer a:k:s", ID);
        }

        assertThat(twoAccounts.results("Bearer a:k:s", ID).status()).isEqualTo(429);
        assertThat(twoAccounts.results("Bearer b:k:s", ID).status()).isEqualTo(404);
    }

    @Test
    void numbersAreConfigurable() {
        SimulatorFixture small = new SimulatorFixture(SimulatorSettings.builder()
                .rateLimit(new RateLimitSettings(5, Duration.ofSeconds(10), 3)).build());

        for (int i = 0; i < 3; i++) {
            assertThat(small.simulator.results(AUTH, ID).headers()).containsEntry("X-RateLimit-Limit", "5");
        }
        SimulatedResponse burst = small.simulator.results(AUTH, ID);
        small.clock.advance(Duration.ofSeconds(4));
        small.simulator.results(AUTH, ID);
        small.simulator.results(AUTH, ID);
        SimulatedResponse window = small.simulator.results(AUTH, ID);

        assertThat(burst.status()).isEqualTo(429);
        assertThat(burst.headers()).containsEntry("Retry-After", "2");
        assertThat(window.status()).isEqualTo(429);
        assertThat(window.headers()).containsEntry("Retry-After", "6")
                .containsEntry("X-RateLimit-Reset", Long.toString(START.getEpochSecond() + 10));
    }
}
