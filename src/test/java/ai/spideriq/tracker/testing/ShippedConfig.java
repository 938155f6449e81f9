package ai.spideriq.tracker.testing;

import java.time.Duration;
import java.util.Map;

import ai.spideriq.tracker.TrackerConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The tracker's configuration as it ships: {@link TrackerConfig} read from its own {@code @WithDefault}s, no
 * application.properties, so plain-Java tests and the benchmark follow whatever defaults the service has. Durations
 * parse as in Quarkus.
 */
public final class ShippedConfig {

    private ShippedConfig() {
    }

    public static TrackerConfig load() {
        return load(Map.of());
    }

    /** The defaults with some keys ({@code spideriq.*}) overridden. */
    public static TrackerConfig load(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(overrides, "overrides", 500))
                .withMapping(TrackerConfig.class)
                .build();
        return config.getConfigMapping(TrackerConfig.class);
    }
}
