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
                .eventStreamMode(eventStreamMode(config.events()))
                .listMode(listMode(config.list()))
                .build();
    }

    private static EventStreamMode eventStreamMode(SimulatorConfig.EventsConfig events) {
        EventStreamMode.Kind kind = EventStreamMode.Kind.fromWireName(events.mode());
        return switch (kind) {
            case REFUSE -> EventStreamMode.refuse(events.modeStatus().orElseThrow(
                    () -> new IllegalArgumentException("simulator.events.mode=refuse needs simulator.events.mode-status")));
            case SILENT_AFTER -> EventStreamMode.silentAfter(events.modeSilentAfter().orElseThrow(
                    () -> new IllegalArgumentException("simulator.events.mode=silent_after needs "
                            + "simulator.events.mode-silent-after")));
            default -> EventStreamMode.of(kind);
        };
    }

    private static JobListMode listMode(SimulatorConfig.ListConfig list) {
        JobListMode.Kind kind = JobListMode.Kind.fromWireName(list.mode());
        return kind == JobListMode.Kind.STATUS
                ? JobListMode.status(list.modeStatus().orElseThrow(
                        () -> new IllegalArgumentException("simulator.list.mode=status needs simulator.list.mode-status")))
                : new JobListMode(kind, 0);
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
