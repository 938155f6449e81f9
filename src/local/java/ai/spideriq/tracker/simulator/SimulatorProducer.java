package ai.spideriq.tracker.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Makes the simulator core injectable (real clock, configured settings), so the service's tests can create jobs. */
@ApplicationScoped
public class SimulatorProducer {

    @Produces
    @ApplicationScoped
    SpiderIqSimulator simulator(SimulatorConfig config) {
        return new SpiderIqSimulator(SimulatorConfigSettings.from(config), Clock.systemUTC(),
                SimulatorConfigSettings.random(config));
    }
}
