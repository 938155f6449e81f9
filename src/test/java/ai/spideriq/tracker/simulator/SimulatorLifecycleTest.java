package ai.spideriq.tracker.simulator;

import static ai.spideriq.tracker.simulator.SimulatorFixture.AUTH;
import static ai.spideriq.tracker.simulator.SimulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.spideriq.tracker.testing.DocsExamples;

class SimulatorLifecycleTest {

    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    private final SimulatorFixture fixture = new SimulatorFixture();
    private final SpiderIqSimulator simulator = fixture.simulator;

    @Test
    void jobIsQueuedThenProcessingThenCompletedWithTheDocsBodyShape() throws Exception {
        SimulatedJob job = simulator.create(JobSpec.drawn().withJobId(ID).withPayloadVariant("site-full-champ")
                .withOutcome(SimulatedOutcome.COMPLETED).withTimes(Duration.ofSeconds(2), Duration.ofSeconds(20)));

        SimulatedResponse queued = simulator.results(AUTH, ID);
        assertThat(queued.status()).isEqualTo(202);
        assertThat(json(queued).path("status").asText()).isEqualTo("queued");
        assertThat(json(queued).path("worker_id").isNull()).isTrue();

        fixture.clock.advance(Duration.ofSeconds(2));
        SimulatedResponse processing = simulator.results(AUTH, ID);
        assertThat(processing.status()).isEqualTo(202);
        assertThat(fieldNames(json(processing))).isEqualTo(fieldNames(example("processing-202")));
        assertThat(json(processing).path("status").asText()).isEqualTo("processing");

        fixture.clock.advance(Duration.ofMillis(19_999));
        assertThat(simulator.results(AUTH, ID).status()).isEqualTo(202);

        fixture.clock.advance(Duration.ofMillis(1));
        SimulatedResponse completed = simulator.results(AUTH, ID);
        JsonNode body = json(completed);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(fieldNames(body)).isEqualTo(fieldNames(example("site-full-champ")));
        assertThat(body.path("data")).isEqualTo(example("site-full-champ").path("data"));
        assertThat(body.path("job_id").asText()).isEqualTo(ID);
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("worker_id").asText()).isEqualTo(job.workerId()).startsWith("spider-site-main-");
        assertThat(body.path("completed_at").asText()).isEqualTo("2025-10-27T14:00:22Z");
        assertThat(body.path("processing_time_seconds").asDouble()).isEqualTo(20.0);
        assertThat(job.endsAt()).isEqualTo(SimulatorFixture.START.plusSeconds(22));
    }

    @Test
    void mapsJobAnswersTheMapsExampleData() throws Exception {
        simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withJobId(ID).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(30)));
        fixture.clock.advance(Duration.ofSeconds(30));

        JsonNode body = json(simulator.results(AUTH, ID));

        assertThat(body.path("type").asText()).isEqualTo("spiderMaps");
        assertThat(body.path("data")).isEqualTo(example("maps").path("data"));
        assertThat(body.path("worker_id").asText()).startsWith("spider-maps-main-");
    }

    @Test
    void newerVariantAnswersTheShort202AndTimestampsWithoutZone() {
        simulator.create(JobSpec.drawn().withJobId(ID).withPayloadVariant("site-newer-variant")
                .withOutcome(SimulatedOutcome.COMPLETED).withTimes(Duration.ofSeconds(1), Duration.ofMillis(1500)));

        assertThat(fieldNames(json(simulator.results(AUTH, ID))))
                .containsExactly("success", "job_id", "status", "message");
        fixture.clock.advance(Duration.ofMillis(2500));
        JsonNode body = json(simulator.results(AUTH, ID));

        assertThat(body.path("completed_at").asText()).isEqualTo("2025-10-27T14:00:02.500000");
        assertThat(body.path("data").path("phones").get(0).path("e164").asText()).isEqualTo("+15559876543");
    }

    @Test
    void failedJobAnswers410WithItsErrorMessage() {
        simulator.create(JobSpec.drawn().withJobId(ID).withOutcome(SimulatedOutcome.FAILED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(5)));
        fixture.clock.advance(Duration.ofSeconds(5));

        SimulatedResponse response = simulator.results(AUTH, ID);

        assertThat(response.status()).isEqualTo(410);
        assertThat(json(response).path("status").asText()).isEqualTo("failed");
        assertThat(json(response).path("error_message").asText()).isNotBlank();
        assertThat(json(response).path("processing_time_seconds").asDouble()).isEqualTo(5.0);
    }

    @Test
    void cancelledOutcomeAnswers410Cancelled() {
        simulator.create(JobSpec.drawn().withJobId(ID).withOutcome(SimulatedOutcome.CANCELLED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(5)));
        fixture.clock.advance(Duration.ofSeconds(5));

        SimulatedResponse response = simulator.results(AUTH, ID);

        assertThat(response.status()).isEqualTo(410);
        assertThat(json(response).path("status").asText()).isEqualTo("cancelled");
        assertThat(json(response).path("error_message").isNull()).isTrue();
    }

    @Test
    void deleteCancelsARunningJobOnceAndRecordsTheTrueEnd() {
        simulator.create(JobSpec.drawn().withJobId(ID).withOutcome(SimulatedOutcome.COMPLETED)
                .withTimes(Duration.ZERO, Duration.ofSeconds(60)));
        fixture.clock.advance(Duration.ofSeconds(10));

        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(200);
        assertThat(simulator.results(AUTH, ID).status()).isEqualTo(410);
        assertThat(json(simulator.status(AUTH, ID)).path("status").asText()).isEqualTo("cancelled");
        assertThat(simulator.job(ID).orElseThrow().endsAt()).isEqualTo(SimulatorFixture.START.plusSeconds(10));
        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(400);
    }

    @Test
    void statusBodyHasTheDocsFields() {
        simulator.create(JobSpec.drawn().withJobId(ID).withTimes(Duration.ofSeconds(3), Duration.ofSeconds(10)));

        JsonNode queued = json(simulator.status(AUTH, ID));
        fixture.clock.advance(Duration.ofSeconds(4));
        JsonNode processing = json(simulator.status(AUTH, ID));

        assertThat(fieldNames(queued)).containsExactly("success", "job_id", "type", "status", "created_at",
                "updated_at", "worker_id");
        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("worker_id").isNull()).isTrue();
        assertThat(processing.path("status").asText()).isEqualTo("processing");
        assertThat(processing.path("updated_at").asText()).isEqualTo("2025-10-27T14:00:03Z");
        assertThat(processing.path("worker_id").asText()).startsWith("spider-site-main-");
    }

    @Test
    void unknownAndMalformedIdsAnswer404() {
        assertThat(simulator.results(AUTH, ID).status()).isEqualTo(404);
        assertThat(simulator.results(AUTH, ID).jsonBody()).isEqualTo("{\"detail\":\"Job not found\"}");
        assertThat(simulator.status(AUTH, "not-a-uuid").status()).isEqualTo(404);
        assertThat(simulator.cancel(AUTH, ID).status()).isEqualTo(404);
    }

    @Test
    void creatingAnExistingJobIdReturnsTheExistingJob() {
        SimulatedJob first = simulator.create(JobSpec.drawn().withJobId(ID));
        fixture.clock.advance(Duration.ofHours(1));

        SimulatedJob again = simulator.create(JobSpec.of(SimulatedJobType.SPIDER_MAPS).withJobId(ID.toUpperCase()));

        assertThat(again).isEqualTo(first);
        assertThat(simulator.jobs()).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode example(String name) throws Exception {
        return json(DocsExamples.text(name));
    }
}
