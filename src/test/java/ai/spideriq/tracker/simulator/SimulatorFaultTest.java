package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SimulatorFaultTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void theNextNResponsesGetTheInjectedStatusWhateverTheJobState() {
        simulator.create(JobSpec.drawn().withJobId(ID).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ZERO));
        simulator.injectFaults(503, 2, null);
        simulator.injectFaults(429, 1, Duration.ofMillis(1500));

        SimulatedResponse first = simulator.results(AUTH, ID);
        SimulatedResponse second = simulator.status(AUTH, ID);
        SimulatedResponse third = simulator.results(AUTH, ID);
        SimulatedResponse fourth = simulator.results(AUTH, ID);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.jsonBody()).isEqualTo("{\"detail\":\"Service unavailable\"}");
        assertThat(first.headers()).containsKey("X-RateLimit-Remaining").doesNotContainKey("Retry-After");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.headers()).containsEntry("Retry-After", "2");
        assertThat(fourth.status()).isEqualTo(200);
        // Injected faults spend no quota: the first admitted request sees 99 left.
        assertThat(fourth.headers()).containsEntry("X-RateLimit-Remaining", "99");
        assertThat(simulator.pendingFaults()).isZero();
    }

    @Test
    void randomServerErrorsFollowTheConfiguredFraction() {
        SpiderIqSimulator alwaysFailing = new SimulatorFixture(SimulatorSettings.builder()
                .serverErrorFraction(1.0).build()).simulator;

        SimulatedResponse response = alwaysFailing.results(AUTH, ID);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsEntry("X-RateLimit-Remaining", "99");
        assertThat(simulator.results(AUTH, ID).status()).isEqualTo(404);
    }

    @Test
    void resetClearsJobsLogFaultsAndLimits() {
        simulator.create(JobSpec.drawn().withJobId(ID));
        simulator.injectFaults(500, 5, null);
        for (int i = 0; i < 25; i++) {
            simulator.results(AUTH, ID);
        }

        simulator.reset();

        assertThat(simulator.jobs()).isEmpty();
        assertThat(simulator.requests()).isEmpty();
        assertThat(simulator.stats().total()).isZero();
        assertThat(simulator.pendingFaults()).isZero();
        assertThat(simulator.results(AUTH, ID).headers()).containsEntry("X-RateLimit-Remaining", "99");
    }
}
