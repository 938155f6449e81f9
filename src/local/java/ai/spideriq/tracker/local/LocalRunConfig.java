package ai.spideriq.tracker.local;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the local run ({@code ./mvnw quarkus:dev}): the embedded Kafka broker and the demo feeder. Only the
 * dev build profile has beans that read them. Environment variables as for every key: {@code SPIDERIQ_LOCAL_...}.
 */
@ConfigMapping(prefix = "spideriq.local")
public interface LocalRunConfig {

    /** The embedded broker, started when {@code kafka.bootstrap.servers} is {@code embedded} (the dev default). */
    EmbeddedKafka kafka();

    /** The demo feeder that submits simulated jobs to the input topic. */
    Demo demo();

    interface EmbeddedKafka {
        /** Port the embedded broker listens on, so that {@code kcat -b localhost:9092} finds it; a free port when taken. */
        @WithDefault("9092")
        int port();
    }

    interface Demo {
        /**
         * Whether to feed demo jobs. When absent: on exactly when the simulator served by this process is the API
         * in use, because a real API would answer 404 for jobs the simulator made up.
         */
        Optional<Boolean> enabled();

        /** Jobs created in the simulator and submitted per minute, evenly spaced. */
        @WithDefault("6")
        int jobsPerMinute();

        /** Share (0..1) of the demo jobs that are spiderMaps; the rest are spiderSite. */
        @WithDefault("0.4")
        double spiderMapsShare();
    }
}
