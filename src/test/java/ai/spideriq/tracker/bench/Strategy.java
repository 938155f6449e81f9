package ai.spideriq.tracker.bench;

import java.util.Map;
import java.util.function.Function;

import ai.spideriq.tracker.testing.ShippedConfig;

/** The strategies compared, by the names the summary lines use. */
enum Strategy {
    SEED("seed", SeedStrategy::new),
    BACKOFF("backoff", BackoffStrategy::new),
    TRACKER("tracker", context -> new TrackerStrategy(context, ShippedConfig.load())),
    /** The tracker with its event stream switched off: what its learned poll schedule does alone. */
    TRACKER_POLLING("tracker-polling",
            context -> new TrackerStrategy(context, ShippedConfig.load(Map.of("spideriq.events.enabled", "false"))));

    private final String label;
    private final Function<PollStrategy.Context, PollStrategy> factory;

    Strategy(String label, Function<PollStrategy.Context, PollStrategy> factory) {
        this.label = label;
        this.factory = factory;
    }

    String label() {
        return label;
    }

    PollStrategy create(PollStrategy.Context context) {
        return factory.apply(context);
    }
}
