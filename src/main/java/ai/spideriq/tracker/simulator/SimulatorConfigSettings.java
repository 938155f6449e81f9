package ai.spideriq.tracker.simulator;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Turns {@link SimulatorConfig} into the core's {@link SimulatorSettings} and random source. */
public final class SimulatorConfigSettings {

    private SimulatorConfigSettings() {
    }

    /** The settings {@code config} describes. */
    public static SimulatorSettings from(SimulatorConfig config) {
        SimulatorConfig.SpiderSiteConfig site = config.spiderSite();
        SimulatorConfig.SpiderMapsConfig maps = config.spiderMaps();
        SimulatorConfig.RateLimitConfig rateLimit = config.rateLimit();
        return SimulatorSettings.builder()
                .acceptedTokens(Set.copyOf(config.acceptedTokens()))
                .inactiveTokens(Set.copyOf(config.inactiveTokens().orElse(List.of())))
                .rateLimit(new RateLimitSettings(rateLimit.requestsPerWindow(), rateLimit.window(), rateLimit.burst()))
                .siteTiming(new JobTiming(site.queueMedian(), site.processingMedian(), site.sigma()))
                .mapsTiming(new JobTiming(maps.queueMedian(), maps.processingMedian(), maps.sigma()))
                .outcomeMix(new OutcomeMix(config.outcomes().failedFraction(), config.outcomes().cancelledFraction()))
                .serverErrorFraction(config.serverErrorFraction())
                .requestLogMaxEntries(config.requestLog().maxEntries())
                .eventDelay(config.events().delay())
                .eventDropRate(config.events().dropRate())
                .eventHeartbeat(config.events().heartbeat())
                .build();
    }

    /** The HTTP timing of the event stream. */
    public static EventStreamTiming eventStreamTiming(SimulatorConfig config) {
        return new EventStreamTiming(config.events().tick());
    }

    /** A random source seeded from {@code simulator.seed}, or randomly seeded when it is absent. */
    public static RandomGenerator random(SimulatorConfig config) {
        return config.seed().isPresent() ? new SplittableRandom(config.seed().getAsLong()) : new SplittableRandom();
    }
}
