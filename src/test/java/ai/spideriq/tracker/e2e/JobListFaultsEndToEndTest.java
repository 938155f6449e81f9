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
import org.junit.jupiter.params.provider.ValueSource;

import ai.spideriq.tracker.simulator.RequestRecord;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The job list as the durable detector, against the running service on a real broker, with the event stream refused
 * so that nothing else helps: a cancellation (which has no event) is found by a sweep long before any guard poll;
 * jobs nobody tracks cost nothing; and when the list is missing, answers garbage or stops answering (a stall, 503s),
 * sweeps switch off and every job still gets its outcome by polls, readiness UP.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(JobListFaultsEndToEndTest.QuickSweeps.class)
class JobListFaultsEndToEndTest {

    /** Sweeps compressed like the rest of the test profile; guard polls far out, so only a sweep finds an end fast. */
    public static class QuickSweeps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("spideriq.sweep.idle-interval", "250ms"),
                    Map.entry("spideriq.sweep.streaming-interval", "1s"),
                    Map.entry("spideriq.sweep.tight-interval", "3s"),
                    Map.entry("spideriq.sweep.off-delay", "1s"), Map.entry("spideriq.sweep.max-off-delay", "2s"),
                    Map.entry("spideriq.sweep.overlap", "1s"), Map.entry("spideriq.api.request-timeout", "2s"),
                    Map.entry("spideriq.events.fallback-interval", "40s"),
                    Map.entry("spideriq.kafka.consumer-group", "tracker-list-faults"),
                    Map.entry("spideriq.topics.in-flight", "spideriq.tracker.in-flight.list-faults"));
        }
    }

    private static final Duration AT_POLLING_PACE = Duration.ofSeconds(30);
    /** The test profile's tracking deadline is 20 s: a job's last look there finds it ended, whatever else did. */
    private static final Duration WELL_BEFORE_THE_TRACKING_DEADLINE = Duration.ofSeconds(14);
    /** Well under the 40 s guard interval of this profile: only a sweep can be this quick. */
    private static final Duration SOONER_THAN_ANY_GUARD_POLL = Duration.ofSeconds(10);

    @Inject
    SpiderIqSimulator simulator;

    private DetectorControl control;

    @BeforeEach
    void streamRefused() {
        control = new DetectorControl(simulator);
        control.streamMode("{\"mode\":\"refuse\",\"status\":404}");
    }

    @Test
    void aCancellationIsFoundByASweepAndJobsNobodyTracksCostNothing() {
        control.listMode("{\"mode\":\"normal\"}");
        List<String> untracked = List.of(control.untracked(SimulatedOutcome.COMPLETED),
                control.untracked(SimulatedOutcome.FAILED));
        control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(60)); // sweeps run while a job awaits its end
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.sum("spideriq_sweep_working") == 1);

        String cancelled = control.submit(SimulatedOutcome.CANCELLED, Duration.ofSeconds(1));
        await().atMost(SOONER_THAN_ANY_GUARD_POLL).pollInterval(Duration.ofMillis(100))
                .until(() -> control.allPublished(List.of(cancelled)));

        TopicRecorder.Seen seen = TopicRecorder.get().forKey(cancelled).get(0);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.cancelled");
        assertThat(seen.json().get("tracking").get("api_requests").asInt()).isEqualTo(1);
        assertThat(untracked).allSatisfy(id -> assertThat(simulator.requestsFor(id)).isEmpty());
        assertThat(Metrics.sum("spideriq_sweep_ends_found_total")).isPositive();
    }

    @ParameterizedTest(name = "list {0}")
    @ValueSource(strings = { "{\"mode\":\"stall\"}", "{\"mode\":\"status\",\"status\":503}" })
    void aListThatStopsAnsweringIsNotCountedOnAndPollsFindEveryEnd(String mode) {
        control.listMode("{\"mode\":\"normal\"}");
        control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(60)); // sweeps run while a job awaits its end
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.sum("spideriq_sweep_working") == 1);

        control.listMode(mode); // believed working until then, the guard polls are 40 s apart
        List<String> jobs = List.of(control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(4)),
                control.submit(SimulatedOutcome.CANCELLED, Duration.ofSeconds(4)));

        // Believed working, the list would leave them to guard polls, or to the last look at the tracking deadline.
        await().atMost(WELL_BEFORE_THE_TRACKING_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> control.allPublished(jobs));

        assertThat(Metrics.sum("spideriq_sweep_working")).isZero();
        assertThat(control.readiness).containsOnly(200);
    }

    @ParameterizedTest(name = "list {0}")
    @ValueSource(strings = { "{\"mode\":\"missing\"}", "{\"mode\":\"status\",\"status\":422}",
            "{\"mode\":\"status\",\"status\":400}", "{\"mode\":\"garbage\"}", "{\"mode\":\"wrong_shape\"}",
            "{\"mode\":\"empty\"}" })
    void anUnusableListSwitchesSweepsOffAndPollsFindEveryEnd(String mode) {
        control.listMode(mode);
        double unavailableBefore = Metrics.sum("spideriq_sweeps_total", "result=\"unavailable\"");
        List<String> jobs = List.of(control.submit(SimulatedOutcome.COMPLETED, Duration.ofSeconds(1)),
                control.submit(SimulatedOutcome.CANCELLED, Duration.ofSeconds(1)));

        await().atMost(AT_POLLING_PACE).pollInterval(Duration.ofMillis(200)).until(() -> control.allPublished(jobs)
                && Metrics.sum("spideriq_sweeps_total", "result=\"unavailable\"") > unavailableBefore);

        assertThat(control.readiness).containsOnly(200);
        assertThat(Metrics.sum("spideriq_sweep_working")).isZero();
        assertThat(jobs).allSatisfy(id -> assertThat(simulator.requestsFor(id))
                .extracting(RequestRecord::path).allMatch(path -> path.endsWith("/results")));
    }
}
