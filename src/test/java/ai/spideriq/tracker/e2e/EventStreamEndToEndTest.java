package ai.spideriq.tracker.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The tracker follows the account's event stream: a job's end is found when SpiderIQ announces it, not when a
 * guard poll happens to come. This profile puts the first guard poll 30 s out (and the tracking deadline's last look
 * is at 20 s), so an outcome within 12 s of a 4-second job can only come from the announcement.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestProfile(EventStreamEndToEndTest.SparseGuardPolls.class)
class EventStreamEndToEndTest {

    /** Its own consumer group and in-flight topic, as a separate deployment would have. */
    public static class SparseGuardPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spideriq.poll.initial-delay", "30s", "spideriq.poll.max-delay", "60s",
                    "spideriq.kafka.consumer-group", "tracker-event-stream",
                    "spideriq.topics.in-flight", "spideriq.tracker.in-flight.event-stream");
        }
    }

    private static final Duration SOONER_THAN_ANY_POLL = Duration.ofSeconds(12);

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void aJobIsFoundEndedWhenTheStreamAnnouncesIt() {
        awaitStreamUp();

        TopicRecorder.Seen seen = submitAndAwait(SimulatedOutcome.COMPLETED);

        assertThat(seen.topic()).isEqualTo("spideriq.jobs.completed");
        // No guard poll came before it: the one request is the one the announcement asked for.
        assertThat(seen.json().get("tracking").get("api_requests").asInt()).isEqualTo(1);
    }

    @Test
    void theStreamIsFollowedAgainAfterTheApiClosesIt() {
        awaitStreamUp();

        given().post("/simulator/events/disconnect").then().statusCode(200);
        awaitStreamUp();

        TopicRecorder.Seen seen = submitAndAwait(SimulatedOutcome.FAILED);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.failed");
        assertThat(seen.json().get("reason").asText()).isEqualTo("job_failed");
    }

    private TopicRecorder.Seen submitAndAwait(SimulatedOutcome outcome) {
        String jobId = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(outcome)
                .withTimes(Duration.ofMillis(200), Duration.ofSeconds(4))).jobId();
        Submitter.submitJob(jobId, "spiderSite");
        return TopicRecorder.get().awaitFirst(jobId, SOONER_THAN_ANY_POLL);
    }

    private void awaitStreamUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openEventStreams() == 1
                && Metrics.sum("spideriq_events_stream_up") == 1);
    }
}
