package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SimulatorAuthTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private static final String INACTIVE = "Bearer old:key:secret";

    private final SpiderIqSimulator simulator = new SimulatorFixture(SimulatorSettings.builder()
            .inactiveTokens(Set.of("old:key:secret")).build()).simulator;

    @Test
    void missingMalformedOrUnknownCredentialsAnswer401() {
        for (String header : new String[] { null, "", "Basic abc", "Bearer sim-client:sim-key",
                "Bearer sim-client:sim-key:wrong", "Bearer ::" }) {
            SimulatedResponse response = simulator.results(header, ID);
            assertThat(response.status()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(response.jsonBody()).isEqualTo("{\"detail\":\"Invalid or missing credentials\"}");
        }
        assertThat(simulator.results("bearer " + SimulatorSettings.DEFAULT_TOKEN, ID).status()).isEqualTo(404);
    }

    @Test
    void inactiveAccountAnswers403() {
        SimulatedResponse response = simulator.status(INACTIVE, ID);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.jsonBody()).isEqualTo("{\"detail\":\"Client account inactive\"}");
    }

    @Test
    void credentialsAreCheckedBeforeTheRateLimit() {
        for (int i = 0; i < 25; i++) {
            simulator.results(AUTH, ID);
        }

        assertThat(simulator.results(AUTH, ID).status()).isEqualTo(429);
        assertThat(simulator.results("Bearer x:y:z", ID).status()).isEqualTo(401);
        assertThat(simulator.results(INACTIVE, ID).status()).isEqualTo(403);
    }

    @Test
    void theLogKeepsWhetherCredentialsWereValidButNeverTheToken() {
        simulator.results(AUTH, ID);
        simulator.results("Bearer x:y:topsecret", ID);

        assertThat(simulator.requests()).extracting(RequestRecord::credentialsValid).containsExactly(true, false);
        assertThat(simulator.requests().toString()).doesNotContain("sim-secret", "topsecret");
    }
}
