package ai.spideriq.tracker.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;

/** Mounts the simulator's routes on Quarkus's main router at startup, only when {@code simulator.enabled=true}. */
@ApplicationScoped
public class SimulatorRouteMounter {

    private static final Logger LOG = Logger.getLogger(SimulatorRouteMounter.class);

    void mountWhenEnabled(@Observes Router router, SimulatorConfig config, Instance<SpiderIqSimulator> simulator) {
        if (!config.enabled()) {
            return;
        }
        SimulatorRoutes.mount(router, simulator.get(), SimulatorConfigSettings.eventStreamTiming(config));
        LOG.warn("SpiderIQ API simulator is serving /api/v1/jobs/*, /api/v1/events/stream and /simulator/* "
                + "(simulator.enabled=true)");
    }
}
