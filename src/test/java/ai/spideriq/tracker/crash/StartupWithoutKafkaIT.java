package ai.spideriq.tracker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged service started where no Kafka answers: one line that names the address, then the normal exit. */
class StartupWithoutKafkaIT {

    @Test
    void saysKafkaIsNotReachableAtTheAddressAndExits() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Path.of("target", "startup-without-kafka.log");
        ProcessBuilder builder = TrackerProcess.jar(log);
        builder.environment().put("SPIDERIQ_API_TOKEN", "a:b:c");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + port);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");

        long start = System.nanoTime();
        Process process = builder.start();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service exits by itself").isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        String output = Files.readString(log);
        System.out.printf("Without Kafka the service exited %d after %d s, %d log lines%n", process.exitValue(),
                seconds, output.lines().count());
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Kafka is not reachable at localhost:" + port + ": no broker answered within 30 s");
        assertThat(output).doesNotContain("InFlightTopic.partitionsOf");
    }
}
