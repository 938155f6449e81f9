package ai.spideriq.tracker.e2e;

import static ai.spideriq.tracker.e2e.IntakeSurvival.job;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.kafka.WriteRetry;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.LogCapture;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import ai.spideriq.tracker.testing.Topics;
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
    private static final String REGISTERING = "phase=\"registering\"";

    public static class RefusingInFlightTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Its own input and group, so that no other test's leftover submission is the one held.
            Topics.create(INPUT, 1, Map.of());
            Topics.create(IN_FLIGHT, 1, Map.of("cleanup.policy", "compact"));
            return Map.of("spideriq.topics.submitted", INPUT, "spideriq.topics.in-flight", IN_FLIGHT,
                    "spideriq.kafka.consumer-group", INPUT);
        }
    }

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void aSubmissionWaitsLoudlyWhileTheInFlightTopicRefusesItAndIsTrackedOnceItTakesIt() throws Exception {
        double failuresBefore = failures();
        List<String> jobs = SimulatorJobs.completed(simulator, 2, Duration.ofMillis(300));
        try (LogCapture log = LogCapture.of(WriteRetry.class)) {
            setMaxMessageBytes("100");
            Submitter.send(jobs.stream().map(jobId -> job(INPUT, jobId)).toList());

            String first = jobs.get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().startsWith("Could not write the in-flight "
                    + "record of job " + first + " to in-flight (record_too_large), retrying until Kafka takes it");
            long heldUntil = System.nanoTime() + HELD.toNanos();
            while (System.nanoTime() < heldUntil) {
                given().get("/q/health/live").then().statusCode(200);
                assertThat(Metrics.sum("spideriq_jobs_by_phase", REGISTERING)).isEqualTo(1);
                Thread.sleep(2000);
            }
            assertThat(Metrics.sum("spideriq_jobs_oldest_age_seconds", REGISTERING)).isGreaterThan(60);
            assertThat(failures()).isGreaterThan(failuresBefore + 2);
            assertThat(log.messages(Level.WARNING)).as("one line per job, not per attempt").hasSize(1);
            assertThat(TopicRecorder.get().forKey(first)).isEmpty();

            // The operator raises the topic's limit: the held submission goes through, and the one behind it.
            setMaxMessageBytes(null);
            TopicRecorder.get().awaitEachCompleted(jobs);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.startsWith("Wrote the in-flight record of job "
                    + first + " to in-flight after "));
        } finally {
            setMaxMessageBytes(null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.sum("spideriq_jobs_by_phase", REGISTERING) == 0);
        given().get("/q/health/live").then().statusCode(200);
        Topics.awaitCommittedToTheEnd(INPUT, INPUT);
    }

    private static double failures() {
        return Metrics.sum("spideriq_kafka_write_failures_total", "reason=\"record_too_large\"", "topic=\"in-flight\"");
    }

    /** Sets the in-flight topic's max.message.bytes, or removes the override ({@code null}). */
    private static void setMaxMessageBytes(String bytes) {
        Topics.setConfig(IN_FLIGHT, "max.message.bytes", bytes);
    }
}
