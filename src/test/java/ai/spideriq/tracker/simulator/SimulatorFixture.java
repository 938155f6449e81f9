package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A simulator on a virtual clock, plus JSON helpers, for the core tests. */
final class SimulatorFixture {

    static final String AUTH = "Bearer " + SimulatorSettings.DEFAULT_TOKEN;
    static final Instant START = Instant.parse("2025-10-27T14:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final VirtualClock clock = new VirtualClock(START);
    final SpiderIqSimulator simulator;

    SimulatorFixture() {
        this(SimulatorSettings.defaults());
    }

    SimulatorFixture(SimulatorSettings settings) {
        simulator = new SpiderIqSimulator(settings, clock, new SplittableRandom(42));
    }

    static JsonNode json(SimulatedResponse response) {
        return json(response.jsonBody());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
