package ai.spideriq.tracker.crash;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ai.spideriq.tracker.simulator.RateLimitSettings;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import io.vertx.core.Vertx;

/**
 * What a packaged-service test class needs before its first test: a simulator served on a free port of this JVM
 * (so that it outlives the service) and the class's own input topic on the shared broker. Registered as a static
 * {@code @RegisterExtension} field; the simulator stops after the class's last test.
 */
final class ServedSimulator implements BeforeAllCallback, AfterAllCallback {

    /** 100 requests per 6 s, as the test profile's simulator: time compressed ten-fold. */
    static final RateLimitSettings COMPRESSED = new RateLimitSettings(100, Duration.ofSeconds(6), 20);

    private final long seed;
    private final String input;
    private final RateLimitSettings rateLimit;
    private Vertx vertx;
    private SpiderIqSimulator simulator;
    private int port;

    ServedSimulator(long seed, String input) {
        this(seed, input, COMPRESSED);
    }

    ServedSimulator(long seed, String input, RateLimitSettings rateLimit) {
        this.seed = seed;
        this.input = input;
        this.rateLimit = rateLimit;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        Map.Entry<SpiderIqSimulator, Integer> served = TrackerProcess.simulator(vertx, seed, rateLimit);
        simulator = served.getKey();
        port = served.getValue();
        TrackerProcess.createInput(input);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        vertx.close();
    }

    SpiderIqSimulator simulator() {
        return simulator;
    }

    /** Where the service under test finds it ({@code SPIDERIQ_API_BASE_URL}'s port). */
    int port() {
        return port;
    }
}
