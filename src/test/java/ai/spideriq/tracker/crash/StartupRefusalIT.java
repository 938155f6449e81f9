package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.KafkaBroker;

/** The packaged service refuses to start without an API token, and says which setting is missing. */
class StartupRefusalIT {

    @Test
    void refusesToStartWithoutAToken() throws Exception {
        Path log = Path.of("target", "startup-refusal.log");
        ProcessBuilder builder = TrackerProcess.jar(log);
        builder.environment().remove("SPIDERIQ_API_TOKEN");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");

        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service exits by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("SPIDERIQ_API_TOKEN (spideriq.api.token) is not set");
    }
}
