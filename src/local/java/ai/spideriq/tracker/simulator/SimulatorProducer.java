package ai.spideriq.tracker.simulator;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

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
