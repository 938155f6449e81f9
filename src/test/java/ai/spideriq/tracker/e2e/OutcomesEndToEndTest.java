package ai.spideriq.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Submissions in, typed outcomes out: every outcome and job type, with the docs' own example payloads. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutcomesEndToEndTest {

    private static final Duration QUICK = Duration.ofMillis(800);

    @Inject
    SpiderIqSimulator simulator;

    private final TopicRecorder topics = TopicRecorder.get();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void publishesEachDocsExampleAsATypedCompletedOutcome() throws Exception {
        for (String variant : List.of("site-minimal", "site-with-ai", "site-full-champ", "maps",
                "site-newer-variant", "maps-newer-variant")) {
            SimulatedJobType type = variant.startsWith("maps") ? SimulatedJobType.SPIDER_MAPS : SimulatedJobType.SPIDER_SITE;
            String jobId = create(JobSpec.of(type).withOutcome(SimulatedOutcome.COMPLETED).withPayloadVariant(variant));
            Submitter.submit(jobId, ("{\"job_id\":\"" + jobId + "\",\"type\":\"" + type.wireName() + "\"}")
                    .getBytes(), null, Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

            TopicRecorder.Seen seen = topics.awaitFirst(jobId);
            JsonNode outcome = seen.json();
            assertThat(seen.topic()).isEqualTo("spideriq.jobs.completed");
            assertThat(outcome.get("job_id").asText()).isEqualTo(jobId);
            assertThat(outcome.get("type").asText()).isEqualTo(type.wireName());
            assertThat(outcome.get("status").asText()).isEqualTo("completed");
            assertThat(outcome.get("worker_id").asText()).isNotBlank();
            assertThat(outcome.get("processing_time_seconds").isNumber()).isTrue();
            assertThat(outcome.get("completed_at").asText()).endsWith("Z");
            assertThat(outcome.get("error_message").isNull()).isTrue();
            assertThat(outcome.has("reason")).isFalse();
            // Everything the API sent in data, newer fields included, reaches the consumer unchanged.
            assertThat(outcome.get("data")).as(variant).isEqualTo(example(variant).get("data"));
            JsonNode tracking = outcome.get("tracking");
            assertThat(tracking.get("api_requests").asInt()).isPositive();
            assertThat(tracking.get("first_seen_at").asText()).isNotBlank();
            assertThat(tracking.get("ended_at").asText()).isNotBlank();
            assertThat(seen.headers()).containsEntry("spideriq-job-type", type.wireName())
                    .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }
    }

    @Test
    void aFailedJobGoesToTheFailedTopicWithItsErrorMessage() {
        String jobId = create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.FAILED));
        Submitter.submitJob(jobId, "spiderSite");

        TopicRecorder.Seen seen = topics.awaitFirst(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.failed");
        JsonNode outcome = seen.json();
        assertThat(outcome.get("status").asText()).isEqualTo("failed");
        assertThat(outcome.get("reason").asText()).isEqualTo("job_failed");
        assertThat(outcome.get("error_message").asText()).isNotBlank();
        assertThat(outcome.get("data").isNull()).isTrue();
    }

    @Test
    void aCancelledJobGoesToTheCancelledTopic() {
        String jobId = create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withOutcome(SimulatedOutcome.CANCELLED));
        // A bare job ID, no type: the tracker learns the type from the API.
        Submitter.submit(null, jobId);

        TopicRecorder.Seen seen = topics.awaitFirst(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.cancelled");
        assertThat(seen.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(seen.json().get("type").asText()).isEqualTo("spiderMaps");
        assertThat(seen.json().has("reason")).isFalse();
    }

    @Test
    void aJobTheApiDoesNotKnowIsPublishedAsNotFoundAfterTheGracePeriod() {
        String jobId = UUID.randomUUID().toString();
        Submitter.submitJob(jobId, "spiderSite");

        TopicRecorder.Seen seen = topics.awaitFirst(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.failed");
        assertThat(seen.json().get("reason").asText()).isEqualTo("job_not_found");
        // Not believed before the grace period (2 s in tests): the API may not list a brand-new job yet.
        JsonNode tracking = seen.json().get("tracking");
        assertThat(Duration.between(Instant.parse(tracking.get("first_seen_at").asText()),
                Instant.parse(tracking.get("ended_at").asText()))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(tracking.get("api_requests").asInt()).isPositive();
    }

    @Test
    void aJobThatNeverEndsIsGivenUpAtTheTrackingDeadline() {
        String jobId = create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO, Duration.ofHours(2)));
        Submitter.submitJob(jobId, "spiderSite");

        TopicRecorder.Seen seen = topics.awaitFirst(jobId);
        assertThat(seen.topic()).isEqualTo("spideriq.jobs.failed");
        assertThat(seen.json().get("reason").asText()).isEqualTo("tracking_deadline_exceeded");
        assertThat(seen.json().get("status").asText()).isEqualTo("failed");
    }

    @Test
    void theSameJobSubmittedThriceWhileInFlightIsTrackedOnce() {
        String jobId = create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(3)));
        Submitter.submitJob(jobId, "spiderSite");
        Submitter.submit(jobId, jobId);
        Submitter.submit(null, "\"" + jobId + "\"");

        topics.awaitFirst(jobId);
        // A later submission of the same ID after a marker job's outcome proves all three were consumed.
        String marker = create(JobSpec.of(SimulatedJobType.SPIDER_SITE).withTimes(Duration.ZERO, QUICK));
        Submitter.submitJob(marker, "spiderSite");
        topics.awaitFirst(marker);
        assertThat(topics.forKey(jobId)).hasSize(1);
    }

    private String create(JobSpec spec) {
        JobSpec timed = spec.queueTime() == null ? spec.withTimes(Duration.ofMillis(200), QUICK) : spec;
        return simulator.create(timed).jobId();
    }

    private JsonNode example(String variant) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/spideriq/examples/" + variant + ".json")) {
            return mapper.readTree(in);
        }
    }
}
