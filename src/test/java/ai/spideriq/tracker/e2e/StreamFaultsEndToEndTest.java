package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Every way the docs say the event stream can misbehave, against the running service on a real broker: refused with
 * each status, silent from the start, silent after a while, without heartbeats, with malformed frames, with an
 * {@code error} event. In each, jobs keep getting their outcomes by polls (the job list is missing here, so nothing
 * else helps), readiness stays UP, and the stream costs only its own requests.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(StreamFaultsEndToEndTest.QuickStreamTimeouts.class)
class StreamFaultsEndToEndTest {

    /** Its own consumer group and in-flight topic; stream timings compressed like the rest of the test profile. */
    public static class QuickStreamTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spideriq.events.idle-timeout", "3s", "spideriq.events.reconnect-delay", "200ms",
                    "spideriq.events.max-reconnect-delay", "2s", "simulator.events.heartbeat", "1s",
                    "spideriq.kafka.consumer-group", "tracker-stream-faults",
                    "spideriq.topics.in-flight", "spideriq.tracker.in-flight.stream-faults");
        }
    }

    /** Polling alone ends 1-second jobs within a few seconds in the test profile; this leaves a wide margin. */
    private static final Duration AT_POLLING_PACE = Duration.ofSeconds(30);

    @Inject
    SpiderIqSimulator simulator;

    private DetectorControl control;

    @BeforeEach
    void listMissing() {
        control = new DetectorControl(simulator);
        control.listMode("{\"mode\":\"missing\"}");
    }

    @ParameterizedTest(name = "stream {0}")
    @CsvSource(delimiter = ';', value = {
            "refused 401; {\"mode\":\"refuse\",\"status\":401}; refused",
            "refused 403; {\"mode\":\"refuse\",\"status\":403}; refused",
            "refused 404; {\"mode\":\"refuse\",\"status\":404}; refused",
            "refused 502; {\"mode\":\"refuse\",\"status\":502}; refused",
            "silent from the start; {\"mode\":\"stall\"}; silent",
            "silent after a second; {\"mode\":\"silent_after\",\"after_seconds\":1}; silent",
            "without heartbeats; {\"mode\":\"no_heartbeats\"}; silent",
            "sending an error event; {\"mode\":\"error\"}; error_event" })
    void tracksEveryJobWhateverTheStreamDoes(String name, String mode, String dropReason) {
        double dropsBefore = Metrics.sum("spideriq_events_drops_total", "reason=\"" + dropReason + "\"");
        control.streamMode(mode);
        List<String> jobs = List.of(control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(1)),
                control.submit(SimulatedOutcome.FAILED, Duration.ofSeconds(1)),
                control.submit(SimulatedOutcome.CANCELLED, Duration.ofSeconds(1)));

        await().atMost(AT_POLLING_PACE).pollInterval(Duration.ofMillis(200)).until(() -> control.allPublished(jobs)
                && Metrics.sum("spideriq_events_drops_total", "reason=\"" + dropReason + "\"") > dropsBefore);

        assertThat(control.readiness).containsOnly(200);
        assertThat(Metrics.sum("spideriq_limiter_paused")).isZero();
        assertThat(Metrics.sum("spideriq_api_rate_limited_total")).isZero();
    }

    @Test
    void malformedFramesCostNeitherTheStreamNorTheJobs() {
        control.streamMode("{\"mode\":\"malformed\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.sum("spideriq_events_stream_up") == 1);
        List<String> jobs = List.of(control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(1)),
                control.submit(SimulatedOutcome.FAILED, Duration.ofSeconds(1)));

        await().atMost(AT_POLLING_PACE).pollInterval(Duration.ofMillis(200)).until(() -> control.allPublished(jobs));

        assertThat(control.readiness).containsOnly(200);
        assertThat(Metrics.sum("spideriq_events_received_total", "event=\"other\"")).isPositive();
        assertThat(Metrics.sum("spideriq_events_stream_up")).isEqualTo(1);
    }
}
