package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.detection.JobListSweeper;
import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.Submitter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A sweep cut short by {@code max-pages}, against the running service on a real broker with the event stream refused:
 * pages of 2 jobs, one page a sweep, and five jobs ending together, the tracked one the oldest, so that it lies past
 * the page a sweep reads. The sweeps after it read on where it stopped and find it, long before any guard poll.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(JobListGapEndToEndTest.OnePageOfTwo.class)
class JobListGapEndToEndTest {

    /** One page of 2 jobs a sweep, a sweep a second; guard polls far out, so only a sweep finds an end fast. */
    public static class OnePageOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("spideriq.sweep.page-size", "2"), Map.entry("spideriq.sweep.max-pages", "1"),
                    Map.entry("spideriq.sweep.overlap", "100ms"), Map.entry("spideriq.sweep.idle-interval", "1s"),
                    Map.entry("spideriq.sweep.streaming-interval", "1s"),
                    Map.entry("spideriq.sweep.tight-interval", "3s"),
                    Map.entry("spideriq.events.fallback-interval", "40s"),
                    Map.entry("spideriq.kafka.consumer-group", "tracker-list-gap"),
                    Map.entry("spideriq.topics.in-flight", "spideriq.tracker.in-flight.list-gap"));
        }
    }

    /** Well under the 40 s guard interval of this profile: only a sweep can be this quick. */
    private static final Duration SOONER_THAN_ANY_GUARD_POLL = Duration.ofSeconds(15);
    private static final Duration PROCESSING = Duration.ofSeconds(2);

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void anEndPastTheLastPageASweepReadsIsFoundByTheSweepsAfterIt() {
        DetectorControl control = new DetectorControl(simulator);
        control.streamMode("{\"mode\":\"refuse\",\"status\":404}");
        control.listMode("{\"mode\":\"normal\"}");
        control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(60)); // sweeps run while a job awaits its end
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.sum("spideriq_sweep_working") == 1);

        try (LogCapture log = LogCapture.of(JobListSweeper.class)) {
            // Created first, so it ends first: 4 later ends list above it, 2 pages down.
            String tracked = control.created(SimulatedOutcome.CANCELLED, PROCESSING);
            for (int i = 0; i < 4; i++) {
                control.created(SimulatedOutcome.COMPLETED, PROCESSING); // another service's jobs
            }
            Submitter.submitJob(tracked, "spiderSite");

            await().atMost(SOONER_THAN_ANY_GUARD_POLL).pollInterval(Duration.ofMillis(100))
                    .until(() -> control.allPublished(List.of(tracked)));

            assertThat(log.messages(Level.INFO)).anyMatch(line -> line.contains("later sweeps read on from page 2"));
            assertThat(simulator.requestsFor(tracked)).extracting(RequestRecord::path).hasSize(1)
                    .allMatch(path -> path.endsWith("/results"));
        }
        assertThat(control.readiness).containsOnly(200);
    }
}
