package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.InFlightRecords;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The completed and the failed topic missing (the broker refuses the writes: no such topic, auto-creation off): each
 * job's outcome is retried for {@code spideriq.outcomes.publish-retry-for} while the job shows as publishing, every
 * attempt is counted, the job's first failure and the give-up are logged once each, and then the replica lets the job
 * go (unpublished, counted) while its in-flight record stays for the partition's next owner.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(RefusingOutcomeTopicsEndToEndTest.MissingOutcomeTopics.class)
class RefusingOutcomeTopicsEndToEndTest {

    public static class MissingOutcomeTopics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spideriq.topics.completed", "spideriq.jobs.completed.missing",
                    "spideriq.topics.failed", "spideriq.jobs.failed.missing",
                    // Long enough to see the job publishing, short enough for a test.
                    "spideriq.outcomes.publish-retry-for", "8s",
                    // One attempt of the tracker's is one send: it waits this long for the missing topic's metadata
                    // (60 s by default), and SmallRye's sink does not retry it for delivery.timeout.ms (120 s) first.
                    "mp.messaging.outgoing.completed.max.block.ms", "1000",
                    "mp.messaging.outgoing.failed.max.block.ms", "1000",
                    "mp.messaging.outgoing.completed.retries", "0",
                    "mp.messaging.outgoing.failed.retries", "0",
                    // An idempotent producer must retry; this test is about the tracker's own retries.
                    "mp.messaging.outgoing.completed.enable.idempotence", "false",
                    "mp.messaging.outgoing.failed.enable.idempotence", "false");
        }
    }

    private static final String PUBLISHING = "phase=\"publishing\"";

    @Inject
    SpiderIqSimulator simulator;

    @ParameterizedTest
    @CsvSource({ "COMPLETED, completed", "FAILED, failed" })
    void anOutcomeTheTopicRefusesIsRetriedLoudlyThenGivenUpWhileItsInFlightRecordStays(SimulatedOutcome outcome,
            String topic) {
        String failures = "spideriq_kafka_write_failures_total";
        String unpublished = "spideriq_outcomes_unpublished_total";
        String onTopic = "topic=\"" + topic + "\"";
        String unknownTopic = "reason=\"unknown_topic\"";
        double failuresBefore = Metrics.sum(failures, unknownTopic, onTopic);
        double unpublishedBefore = Metrics.sum(unpublished, onTopic);
        try (LogCapture log = LogCapture.of(WriteRetry.class)) {
            String jobId = SimulatorJobs.create(simulator, SimulatedJobType.SPIDER_SITE, outcome, Duration.ofMillis(300));
            Submitter.submitJob(jobId, "spiderSite");

            // While it is retried: the job view and the phase gauges show it publishing.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/jobs/" + jobId).then()
                    .statusCode(200).body("phase", equalTo("PUBLISHING")));
            assertThat(Metrics.sum("spideriq_jobs_by_phase", PUBLISHING)).isPositive();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> Metrics.sum("spideriq_jobs_oldest_age_seconds", PUBLISHING) > 0);

            // Then given up: gone from this replica, counted, and logged once more.
            JobView.awaitGone(jobId);
            assertThat(Metrics.sum(unpublished, onTopic)).isEqualTo(unpublishedBefore + 1);
            assertThat(Metrics.sum(failures, unknownTopic, onTopic)).isGreaterThanOrEqualTo(failuresBefore + 2);
            assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains(jobId)).satisfiesExactly(
                    first -> assertThat(first).startsWith("Could not write the outcome of job " + jobId + " to "
                            + topic + " (unknown_topic), retrying for up to 8 s"),
                    gaveUp -> assertThat(gaveUp).startsWith("Gave up writing the outcome of job " + jobId + " to "
                            + topic + " after "));
            assertThat(TopicRecorder.get().forKey(jobId)).isEmpty();
            // Not lost: its in-flight record still says it is in flight, so whoever owns its partition next
            // tracks and publishes it again.
            try (InFlightRecords records = InFlightRecords.of(InFlightRecords.DEFAULT_TOPIC)) {
                JsonNode inFlight = records.latest(jobId);
                assertThat(inFlight).as("in-flight record").isNotNull();
                assertThat(inFlight.has("ended_at")).as("ended_at in %s", inFlight).isFalse();
            }
        }
        // No job is left publishing (jobs of other tests replayed by this start may take their 8 s too).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Metrics.sum("spideriq_jobs_oldest_age_seconds", PUBLISHING) == 0);
    }
}
