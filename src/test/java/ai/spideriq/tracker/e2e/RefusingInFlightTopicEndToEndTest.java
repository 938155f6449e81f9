package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An in-flight topic that refuses the tracker's records (at most 100 bytes each): a submission cannot be registered,
 * so it is not acknowledged and waits, loudly (one line per job, every attempt counted, the registering phase's age
 * growing) and for longer than SmallRye's 60 s limit for an unacknowledged record, without the service going unlive
 * or losing its consumer. Once the topic takes the records, the job and those behind it are tracked and published.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(RefusingInFlightTopicEndToEndTest.RefusingInFlightTopic.class)
class RefusingInFlightTopicEndToEndTest {

    private static final String INPUT = "spideriq.jobs.submitted.in-flight-refused";
    private static final String IN_FLIGHT = "spideriq.tracker.in-flight.refusing";
    /** Past SmallRye's throttled.unprocessed-record-max-age (60 s) and its next check (every 5 s). */
    private static final Duration HELD = Duration.ofSeconds(70);

    public static class RefusingInFlightTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // Its own input and group, so that no other test's leftover submission is the one held.
                IntakeSurvival.KAFKA.getOrCreateAdminClient().createTopics(List.of(new NewTopic(INPUT, 1, (short) 1),
                        new NewTopic(IN_FLIGHT, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not create the topics", e);
            }
            return Map.of("spideriq.topics.submitted", INPUT, "spideriq.topics.in-flight", IN_FLIGHT,
                    "spideriq.kafka.consumer-group", INPUT);
        }
    }

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void aSubmissionWaitsLoudlyWhileTheInFlightTopicRefusesItAndIsTrackedOnceItTakesIt() throws Exception {
        String failures = "spideriq_kafka_write_failures_total{reason=\"record_too_large\",topic=\"in-flight\"";
        double failuresBefore = LargeResultsEndToEndTest.metric(failures);
        List<String> jobs = List.of(completedJob(), completedJob());
        try (LogCapture log = LogCapture.of(WriteRetry.class)) {
            setMaxMessageBytes("100");
            jobs.forEach(jobId -> IntakeSurvival.send(job(INPUT, jobId)));

            String first = jobs.get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> LargeResultsEndToEndTest.metric(failures) > failuresBefore);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().startsWith("Could not write the in-flight "
                    + "record of job " + first + " to in-flight (record_too_large), retrying until Kafka takes it");
            long heldUntil = System.nanoTime() + HELD.toNanos();
            while (System.nanoTime() < heldUntil) {
                given().get("/q/health/live").then().statusCode(200);
                assertThat(LargeResultsEndToEndTest.metric("spideriq_jobs_by_phase{phase=\"registering\""))
                        .isEqualTo(1);
                Thread.sleep(2000);
            }
            assertThat(LargeResultsEndToEndTest.metric("spideriq_jobs_oldest_age_seconds{phase=\"registering\""))
                    .isGreaterThan(60);
            assertThat(LargeResultsEndToEndTest.metric(failures)).isGreaterThan(failuresBefore + 2);
            assertThat(log.messages(Level.WARNING)).as("one line per job, not per attempt").hasSize(1);
            assertThat(TopicRecorder.get().forKey(first)).isEmpty();

            // The operator raises the topic's limit: the held submission goes through, and the one behind it.
            setMaxMessageBytes(null);
            IntakeSurvival.assertAllEnded(TopicRecorder.get(), jobs);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.startsWith("Wrote the in-flight record of job "
                    + first + " to in-flight after "));
        } finally {
            setMaxMessageBytes(null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> LargeResultsEndToEndTest
                .metric("spideriq_jobs_by_phase{phase=\"registering\"") == 0);
        given().get("/q/health/live").then().statusCode(200);
        IntakeSurvival.awaitCommittedToTheEnd(INPUT, INPUT);
    }

    private String completedJob() {
        return simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofMillis(300))).jobId();
    }

    /** Sets the in-flight topic's max.message.bytes, or removes the override ({@code null}). */
    private static void setMaxMessageBytes(String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, IN_FLIGHT);
        AlterConfigOp op = bytes == null
                ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET);
        IntakeSurvival.KAFKA.getOrCreateAdminClient().incrementalAlterConfigs(Map.of(topic, List.of(op))).all()
                .get(10, TimeUnit.SECONDS);
    }
}
