package ai.spideriq.tracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class SimulatorConfigTest {

    @Test
    void defaultsMatchTheCoreDefaults() {
        SimulatorConfig config = config(Map.of());

        assertThat(config.enabled()).isFalse();
        assertThat(config.seed()).isEmpty();
        assertThat(SimulatorConfigSettings.from(config)).isEqualTo(SimulatorSettings.defaults());
        assertThat(SimulatorConfigSettings.eventStreamTiming(config)).isEqualTo(EventStreamTiming.DEFAULTS);
    }

    @Test
    void everyKeyCanBeOverridden() {
        SimulatorConfig config = config(Map.ofEntries(
                Map.entry("simulator.enabled", "true"),
                Map.entry("simulator.accepted-tokens", "a:b:c,d:e:f"),
                Map.entry("simulator.inactive-tokens", "x:y:z"),
                Map.entry("simulator.rate-limit.requests-per-window", "50"),
                Map.entry("simulator.rate-limit.window", "30s"),
                Map.entry("simulator.rate-limit.burst", "5"),
                Map.entry("simulator.spider-site.queue-median", "1s"),
                Map.entry("simulator.spider-site.processing-median", "10s"),
                Map.entry("simulator.spider-site.sigma", "0"),
                Map.entry("simulator.spider-maps.queue-median", "PT3S"),
                Map.entry("simulator.spider-maps.processing-median", "2m"),
                Map.entry("simulator.spider-maps.sigma", "1.2"),
                Map.entry("simulator.outcomes.failed-fraction", "0.1"),
                Map.entry("simulator.outcomes.cancelled-fraction", "0"),
                Map.entry("simulator.server-error-fraction", "0.01"),
                Map.entry("simulator.seed", "123"),
                Map.entry("simulator.request-log.max-entries", "10"),
                Map.entry("simulator.events.delay", "2s"),
                Map.entry("simulator.events.drop-rate", "0.25"),
                Map.entry("simulator.events.heartbeat", "5s"),
                Map.entry("simulator.events.tick", "20ms"),
                Map.entry("simulator.events.mode", "refuse"),
                Map.entry("simulator.events.mode-status", "502"),
                Map.entry("simulator.list.mode", "status"),
                Map.entry("simulator.list.mode-status", "503")));

        SimulatorSettings settings = SimulatorConfigSettings.from(config);

        assertThat(config.enabled()).isTrue();
        assertThat(config.seed()).hasValue(123);
        assertThat(settings).isEqualTo(SimulatorSettings.builder()
                .acceptedTokens(Set.of("a:b:c", "d:e:f"))
                .inactiveTokens(Set.of("x:y:z"))
                .rateLimit(new RateLimitSettings(50, Duration.ofSeconds(30), 5))
                .siteTiming(new JobTiming(Duration.ofSeconds(1), Duration.ofSeconds(10), 0))
                .mapsTiming(new JobTiming(Duration.ofSeconds(3), Duration.ofMinutes(2), 1.2))
                .outcomeMix(new OutcomeMix(0.1, 0))
                .serverErrorFraction(0.01)
                .requestLogMaxEntries(10)
                .eventDelay(Duration.ofSeconds(2))
                .eventDropRate(0.25)
                .eventHeartbeat(Duration.ofSeconds(5))
                .eventStreamMode(EventStreamMode.refuse(502))
                .listMode(JobListMode.status(503))
                .build());
        assertThat(SimulatorConfigSettings.eventStreamTiming(config))
                .isEqualTo(new EventStreamTiming(Duration.ofMillis(20)));
        assertThat(SimulatorConfigSettings.random(config).nextLong())
                .isEqualTo(new java.util.SplittableRandom(123).nextLong());
    }

    private static SimulatorConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SimulatorConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(SimulatorConfig.class);
    }

    @Test
    void theStartingModesCanBeConfigured() {
        SimulatorSettings silent = SimulatorConfigSettings.from(config(Map.of("simulator.events.mode", "silent_after",
                "simulator.events.mode-silent-after", "45s", "simulator.list.mode", "wrong_shape")));

        assertThat(silent.eventStreamMode()).isEqualTo(EventStreamMode.silentAfter(Duration.ofSeconds(45)));
        assertThat(silent.listMode()).isEqualTo(JobListMode.wrongShape());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(
                () -> SimulatorConfigSettings.from(config(Map.of("simulator.events.mode", "refuse"))));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(
                () -> SimulatorConfigSettings.from(config(Map.of("simulator.list.mode", "sideways"))));
    }
}
