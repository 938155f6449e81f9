package ai.spideriq.tracker.bench;

import java.util.function.Function;

/** The strategies compared, by the names the summary lines use. */
enum Strategy {
    SEED("seed", SeedStrategy::new),
    BACKOFF("backoff", BackoffStrategy::new),
    TRACKER("tracker", context -> new TrackerStrategy(context, TrackerDefaults.load()));

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
